package org.ecom.ml.segment;

import static org.ecom.ml.segment.RfmFeatures.FREQUENCY;
import static org.ecom.ml.segment.RfmFeatures.MONETARY;
import static org.ecom.ml.segment.RfmFeatures.RECENCY;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Names clusters as customer personas from their standardised centroids (0 = the average customer
 * on the log scale). A centroid falls in one of four quadrants: recent or lapsed (recency below or
 * above average) crossed with high or low value (mean of the frequency and monetary z-scores above
 * or below zero). Within a quadrant the clusters are ranked and take the quadrant's names in order;
 * a quadrant holding more clusters than names numbers its last name ("Lapsing 2"), so names are
 * unique. Only centroids decide, so the same centroids always get the same names.
 *
 * <p>The names are a family of their own, every one starting "Active" or "Lapsed" (or "Lapsing"):
 * none is an RFM segment's name (analysis.q09_rfm_customers: Champions, Loyal, At risk...), so a
 * reader never takes a persona for the RFM segment of the same customer, which it often is not
 * (kpi.customer_segmentation shows both).
 */
final class PersonaNaming {

    private enum Quadrant {
        // Best value first: big spenders buy often and much, regulars less so.
        RECENT_HIGH_VALUE(Comparator.comparingDouble(PersonaNaming::value).reversed(),
                "Active big spenders", "Active regulars", "Active climbers"),
        // Fewest orders first: newcomers have mostly bought once, returners are coming back.
        RECENT_LOW_VALUE(Comparator.comparingDouble(c -> c[FREQUENCY]), "Active newcomers", "Active returners"),
        // Lowest value first, so a single such cluster is "Lapsed regulars"; a richer second one "Lapsed big spenders".
        LAPSED_HIGH_VALUE(Comparator.comparingDouble(PersonaNaming::value), "Lapsed regulars", "Lapsed big spenders"),
        // Longest gone first: one-offs, then occasionals, then those only now lapsing.
        LAPSED_LOW_VALUE(Comparator.comparingDouble((double[] c) -> c[RECENCY]).reversed(),
                "Lapsed one-offs", "Lapsed occasionals", "Lapsing");

        private final Comparator<double[]> rank;
        private final String[] names;

        Quadrant(Comparator<double[]> rank, String... names) {
            this.rank = rank;
            this.names = names;
        }

        static Quadrant of(double[] centroid) {
            boolean recent = centroid[RECENCY] < 0;
            boolean highValue = value(centroid) > 0;
            if (recent) {
                return highValue ? RECENT_HIGH_VALUE : RECENT_LOW_VALUE;
            }
            return highValue ? LAPSED_HIGH_VALUE : LAPSED_LOW_VALUE;
        }

        String name(int rankInQuadrant) {
            if (rankInQuadrant < names.length) {
                return names[rankInQuadrant];
            }
            return names[names.length - 1] + " " + (rankInQuadrant - names.length + 2);
        }
    }

    private PersonaNaming() {
    }

    /** names[c] for centroids[c], standardised RFM coordinates. */
    static String[] names(double[][] centroids) {
        String[] names = new String[centroids.length];
        for (Quadrant quadrant : Quadrant.values()) {
            List<Integer> members = new ArrayList<>();
            for (int c = 0; c < centroids.length; c++) {
                if (Quadrant.of(centroids[c]) == quadrant) {
                    members.add(c);
                }
            }
            members.sort(Comparator.comparing((Integer c) -> centroids[c], quadrant.rank));
            for (int r = 0; r < members.size(); r++) {
                names[members.get(r)] = quadrant.name(r);
            }
        }
        return names;
    }

    private static double value(double[] centroid) {
        return (centroid[FREQUENCY] + centroid[MONETARY]) / 2;
    }
}
