package org.ecom.ml.repurchase;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The campaign's profit at each threshold on a labelled window the model did not train on: contact
 * everyone whose calibrated probability reaches the threshold, earn the margin for each who bought,
 * pay the cost for each contacted. The chosen threshold is the most profitable one (of equally
 * profitable ones, the highest: fewer contacts for the same money).
 *
 * @param points one per threshold 0.00, 0.01, ... 1.00
 * @param chosen the most profitable point
 */
public record ProfitCurve(List<Point> points, Point chosen) {

    static final int STEPS = 100;

    /**
     * One threshold's campaign on the window.
     *
     * @param expectedProfit margin x buyers contacted - cost x contacted: the window's outcome, the
     *                       profit to expect from a campaign at this threshold
     */
    public record Point(double threshold, double precision, double recall, int contactedCustomers, double expectedProfit) {
    }

    static ProfitCurve of(boolean[] labels, double[] probabilities, CampaignEconomics economics) {
        int buyers = 0;
        for (boolean label : labels) {
            buyers += label ? 1 : 0;
        }
        List<Point> points = new ArrayList<>(STEPS + 1);
        for (int step = 0; step <= STEPS; step++) {
            double threshold = step / (double) STEPS;
            int contacted = 0;
            int contactedBuyers = 0;
            for (int i = 0; i < labels.length; i++) {
                if (probabilities[i] >= threshold) {
                    contacted++;
                    contactedBuyers += labels[i] ? 1 : 0;
                }
            }
            points.add(new Point(threshold, contacted == 0 ? 0 : contactedBuyers / (double) contacted,
                    buyers == 0 ? 0 : contactedBuyers / (double) buyers, contacted,
                    contactedBuyers * economics.repurchaseMargin() - contacted * economics.contactCost()));
        }
        Point chosen = points.stream().max(Comparator.comparingDouble(Point::expectedProfit)
                .thenComparingDouble(Point::threshold)).orElseThrow();
        return new ProfitCurve(List.copyOf(points), chosen);
    }
}
