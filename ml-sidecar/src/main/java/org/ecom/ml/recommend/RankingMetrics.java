package org.ecom.ml.recommend;

import java.util.Arrays;
import java.util.List;
import org.ecom.ml.recommend.HoldoutSplit.ValidationCase;
import org.ecom.ml.recommend.TopLists.TopList;

/** Hit rate, NDCG and catalogue coverage of top-k lists against held-out purchases. */
final class RankingMetrics {

    private RankingMetrics() {
    }

    /** Whether any listed product is relevant; {@code relevant} ascending. */
    static boolean hit(int[] listed, int[] relevant) {
        for (int product : listed) {
            if (Arrays.binarySearch(relevant, product) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * DCG of the list (gain 1 at rank r counts 1 / log2(r + 1)) over the DCG of a perfect list,
     * which puts min(relevantCount, list length) relevant products first. {@code relevantCount} may
     * exceed {@code relevant.length}: products no model could list still raise the ideal.
     */
    static double ndcg(int[] listed, int[] relevant, int relevantCount, int k) {
        double dcg = 0;
        for (int r = 0; r < listed.length; r++) {
            if (Arrays.binarySearch(relevant, listed[r]) >= 0) {
                dcg += discount(r + 1);
            }
        }
        double ideal = 0;
        for (int r = 1; r <= Math.min(relevantCount, k); r++) {
            ideal += discount(r);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double discount(int rank) {
        return 1 / (Math.log(rank + 1) / Math.log(2));
    }

    /** The lists are those of the cases' customers, in the same order. */
    static RankingQuality evaluate(List<TopList> lists, List<ValidationCase> cases, int catalogue, int k) {
        if (lists.size() != cases.size()) {
            throw new IllegalArgumentException("one list per validation case expected");
        }
        boolean[] listedAnywhere = new boolean[catalogue];
        double hits = 0;
        double gain = 0;
        for (int c = 0; c < cases.size(); c++) {
            ValidationCase validation = cases.get(c);
            int[] listed = lists.get(c).products();
            if (lists.get(c).customer() != validation.customer()) {
                throw new IllegalArgumentException("lists and cases out of step at " + c);
            }
            for (int product : listed) {
                listedAnywhere[product] = true;
            }
            hits += hit(listed, validation.products()) ? 1 : 0;
            gain += ndcg(listed, validation.products(), validation.relevantCount(), k);
        }
        int covered = 0;
        for (boolean listed : listedAnywhere) {
            covered += listed ? 1 : 0;
        }
        int n = Math.max(1, cases.size());
        return new RankingQuality(hits / n, gain / n, (double) covered / Math.max(1, catalogue), cases.size());
    }
}
