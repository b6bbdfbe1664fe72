package org.ecom.ml.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ecom.ml.data.ProductPurchase;
import org.ecom.ml.recommend.HoldoutSplit.ValidationCase;
import org.ecom.ml.recommend.TopLists.TopList;
import org.junit.jupiter.api.Test;

/**
 * Two planted taste groups: each customer buys half of their group's 16 products before the last
 * 30 days and two more of them in the last 30; everyone also buys generic products, each bought
 * by more customers than any group product. Popularity can only list generic products; ALS must
 * recover the groups from who bought with whom.
 */
class ImplicitAlsRecommenderTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2011, 1, 1);
    private static final int DAYS = 365;
    private static final int CUSTOMERS = 200;
    private static final int GROUP_PRODUCTS = 16;
    private static final int GENERIC_PRODUCTS = 30;
    private static final AlsConfig CONFIG = new AlsConfig(8, 0.1, 10, 10, 0);

    @Test
    void recoversTwoPlantedTasteGroups() {
        HoldoutSplit split = HoldoutSplit.last(twoGroups(5L), 30);
        int[] customers = split.cases().stream().mapToInt(ValidationCase::customer).toArray();
        List<TopList> als = lists(new ImplicitAlsRecommender(CONFIG, 1L), split, customers);
        List<TopList> popularity = lists(new PopularityRecommender(), split, customers);
        double alsHitRate = RankingMetrics.evaluate(als, split.cases(), split.training().products(), 10).hitRate();
        double popularityHitRate = RankingMetrics.evaluate(popularity, split.cases(), split.training().products(), 10)
                .hitRate();
        assertTrue(alsHitRate >= 0.9 && popularityHitRate <= 0.2,
                "ALS HR@10 " + alsHitRate + " against popularity " + popularityHitRate);
        int otherGroup = 0;
        for (TopList list : als) {
            String group = group(split.training(), list.customer());
            for (int product : list.products()) {
                String code = split.training().stockCode(product);
                otherGroup += code.startsWith("X") || code.startsWith(group) ? 0 : 1;
            }
        }
        assertTrue(otherGroup <= als.size() / 10, otherGroup + " products of the other group in " + als.size()
                + " lists of ten");
    }

    @Test
    void sameSeedSameScores() {
        PurchaseMatrix matrix = PurchaseMatrix.of(twoGroups(6L), p -> true);
        int[] customers = {0, 7, CUSTOMERS - 1};
        float[][] first;
        float[][] second;
        try (Scorer scorer = new ImplicitAlsRecommender(CONFIG, 3L).fit(matrix)) {
            first = scorer.score(customers);
        }
        try (Scorer scorer = new ImplicitAlsRecommender(CONFIG, 3L).fit(matrix)) {
            second = scorer.score(customers);
        }
        for (int c = 0; c < customers.length; c++) {
            assertArrayEquals(first[c], second[c]);
        }
    }

    private static List<TopList> lists(Recommender model, HoldoutSplit split, int[] customers) {
        try (Scorer scorer = model.fit(split.training())) {
            return TopLists.compute(scorer, split.training(), customers, 10);
        }
    }

    /** The group prefix ("A" or "B") of the group products the customer bought. */
    private static String group(PurchaseMatrix matrix, int customer) {
        for (int k = matrix.rowStart(customer); k < matrix.rowEnd(customer); k++) {
            String code = matrix.stockCode(matrix.productAt(k));
            if (!code.startsWith("X")) {
                return code.substring(0, 1);
            }
        }
        throw new IllegalStateException("customer " + customer + " bought no group product");
    }

    private static List<ProductPurchase> twoGroups(long seed) {
        Random random = new Random(seed);
        List<ProductPurchase> purchases = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            String group = c % 2 == 0 ? "A" : "B";
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < GROUP_PRODUCTS; k++) {
                order.add(k);
            }
            Collections.shuffle(order, random);
            for (int k = 0; k < GROUP_PRODUCTS / 2; k++) {
                purchases.add(buy(c, group + order.get(k), random.nextInt(DAYS - 40)));
            }
            for (int k = GROUP_PRODUCTS / 2; k < GROUP_PRODUCTS / 2 + 2; k++) {
                purchases.add(buy(c, group + order.get(k), DAYS - 1 - random.nextInt(30)));
            }
            for (int g = 0; g < GENERIC_PRODUCTS; g++) { // each bought by ~60 customers, a group product by ~50
                if (random.nextDouble() < 0.3) {
                    purchases.add(buy(c, "X" + g, random.nextInt(DAYS - 40)));
                }
            }
        }
        return purchases;
    }

    private static ProductPurchase buy(int customer, String stockCode, int day) {
        return new ProductPurchase(1_000 + customer, stockCode, FIRST_DAY.plusDays(day), 1);
    }
}
