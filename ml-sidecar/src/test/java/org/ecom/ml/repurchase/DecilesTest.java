package org.ecom.ml.repurchase;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecilesTest {

    @Test
    void decilesAreBalancedWithTheLikeliestInTenAndTheCampaignFromTheThreshold() {
        int n = 25;
        int[] ids = new int[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 100 + i;
            p[i] = i / (double) n;
        }

        List<RepurchaseScore> scores = Deciles.of(ids, p, 0.6);

        assertEquals(1, scores.get(0).decile());
        assertEquals(10, scores.get(n - 1).decile());
        for (int d = 1; d <= 10; d++) {
            int decile = d;
            long size = scores.stream().filter(s -> s.decile() == decile).count();
            assertEquals(2.5, size, 0.5001);
        }
        // In the campaign from the threshold on: p = 15/25 = 0.6 to 24/25.
        assertEquals(List.of(115, 116, 117, 118, 119, 120, 121, 122, 123, 124),
                scores.stream().filter(RepurchaseScore::inCampaign).map(RepurchaseScore::customerId).toList());
    }
}
