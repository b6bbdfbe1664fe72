package org.ecom.ml.repurchase;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfitCurveTest {

    @Test
    void choosesThePlantedProfitableSegmentAndNobodyElse() {
        // 300 of 1,000 customers score 0.8 and buy 80 % of the time; the rest score 0.2 and buy 20 % of the time.
        // At a cost of 5 and a margin of 12.50 a contact pays from a 40 % chance: only the planted segment is worth it.
        Random random = new Random(3);
        int n = 1000;
        boolean[] labels = new boolean[n];
        double[] probabilities = new double[n];
        for (int i = 0; i < n; i++) {
            probabilities[i] = i < 300 ? 0.8 : 0.2;
            labels[i] = random.nextDouble() < probabilities[i];
        }

        ProfitCurve curve = ProfitCurve.of(labels, probabilities, new CampaignEconomics(5, 12.5));

        assertEquals(300, curve.chosen().contactedCustomers());
        assertTrue(curve.chosen().threshold() > 0.2 && curve.chosen().threshold() <= 0.8, "threshold " + curve.chosen());
        assertTrue(curve.chosen().precision() > 0.7, "precision " + curve.chosen());
        ProfitCurve.Point everyone = curve.points().get(0);
        assertEquals(n, everyone.contactedCustomers());
        assertEquals(1.0, everyone.recall(), 1e-12);
        assertTrue(curve.chosen().expectedProfit() > everyone.expectedProfit());
        int buyersInSegment = 0;
        for (int i = 0; i < 300; i++) {
            buyersInSegment += labels[i] ? 1 : 0;
        }
        assertEquals(buyersInSegment * 12.5 - 300 * 5, curve.chosen().expectedProfit(), 1e-9);
    }

    @Test
    void contactsNobodyWhenNoContactPays() {
        boolean[] labels = {true, true, false, true};
        double[] probabilities = {0.9, 0.8, 0.3, 0.95};

        ProfitCurve curve = ProfitCurve.of(labels, probabilities, new CampaignEconomics(20, 10));

        assertEquals(0, curve.chosen().contactedCustomers());
        assertEquals(0, curve.chosen().expectedProfit(), 1e-12);
        assertEquals(1.0, curve.chosen().threshold(), 1e-12, "of equally profitable thresholds, the highest");
    }
}
