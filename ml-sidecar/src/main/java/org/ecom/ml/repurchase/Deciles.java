package org.ecom.ml.repurchase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Deciles by probability: 10 holds the most likely tenth, ties broken by customer id so reruns agree;
 * a customer is in the campaign from the threshold on.
 */
final class Deciles {

    private Deciles() {
    }

    static List<RepurchaseScore> of(int[] customerIds, double[] probabilities, double campaignThreshold) {
        int n = customerIds.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> probabilities[i])
                .thenComparingInt(i -> customerIds[i]));
        int[] decile = new int[n];
        for (int rank = 0; rank < n; rank++) {
            decile[order[rank]] = 1 + (int) ((long) rank * 10 / n);
        }
        List<RepurchaseScore> scores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            scores.add(new RepurchaseScore(customerIds[i], probabilities[i], decile[i], probabilities[i] >= campaignThreshold));
        }
        return scores;
    }
}
