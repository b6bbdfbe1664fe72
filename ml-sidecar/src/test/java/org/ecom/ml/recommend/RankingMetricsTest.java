package org.ecom.ml.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ecom.ml.recommend.HoldoutSplit.ValidationCase;
import org.ecom.ml.recommend.TopLists.TopList;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    @Test
    void ndcgOfAHandWorkedList() {
        // Relevant at ranks 2 and 3; three relevant products in all (one unknown to the models):
        // DCG = 1/log2(3) + 1/log2(4), ideal = 1/log2(2) + 1/log2(3) + 1/log2(4).
        double dcg = 1 / LOG2_3 + 0.5;
        double ideal = 1 + 1 / LOG2_3 + 0.5;
        assertEquals(dcg / ideal, RankingMetrics.ndcg(new int[] {5, 2, 9}, new int[] {2, 9}, 3, 10), 1e-12);
        assertEquals(0.5307, RankingMetrics.ndcg(new int[] {5, 2, 9}, new int[] {2, 9}, 3, 10), 1e-4);
        assertEquals(1.0, RankingMetrics.ndcg(new int[] {2, 9, 5}, new int[] {2, 9}, 2, 10), 1e-12);
        assertEquals(0.0, RankingMetrics.ndcg(new int[] {5, 6}, new int[] {2}, 1, 10), 1e-12);
    }

    @Test
    void idealListIsCutAtK() {
        // 12 relevant products but a list of 2: the ideal counts only the first 2 ranks.
        assertEquals(1.0, RankingMetrics.ndcg(new int[] {0, 1}, new int[] {0, 1, 2, 3}, 12, 2), 1e-12);
    }

    @Test
    void hitNeedsOneRelevantProductInTheList() {
        assertTrue(RankingMetrics.hit(new int[] {7, 3}, new int[] {1, 3}));
        assertFalse(RankingMetrics.hit(new int[] {7, 4}, new int[] {1, 3}));
    }

    @Test
    void evaluateAveragesOverCustomersAndCountsCoverage() {
        List<ValidationCase> cases = List.of(
                new ValidationCase(0, new int[] {1}, 1),
                new ValidationCase(1, new int[] {}, 2));
        List<TopList> lists = List.of(
                new TopList(0, new int[] {1, 2}, new float[] {2, 1}),
                new TopList(1, new int[] {2, 3}, new float[] {2, 1}));
        RankingQuality quality = RankingMetrics.evaluate(lists, cases, 10, 2);
        assertEquals(0.5, quality.hitRate(), 1e-12);
        assertEquals(0.5, quality.ndcg(), 1e-12); // 1 for the first customer, 0 for the second
        assertEquals(0.3, quality.coverage(), 1e-12); // products 1, 2, 3 of 10
        assertEquals(2, quality.customers());
    }
}
