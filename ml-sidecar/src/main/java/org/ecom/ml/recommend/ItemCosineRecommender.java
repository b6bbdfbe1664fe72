package org.ecom.ml.recommend;

import java.util.Arrays;

/**
 * Item-to-item neighbours: the cosine similarity of two products' buyer sets,
 * |A ∩ B| / sqrt(|A| |B|), of which each product keeps its {@code neighbours} most similar.
 * A customer's score for a product is the sum of its similarities to the products they bought,
 * each weighted by the recency of that purchase. Few neighbours (5) validated best on the real
 * data: a product's strongest co-purchases carry the signal, the long tail adds popularity.
 * A millionth of the product's popularity breaks ties, so customers whose products have few
 * neighbours still get a full list.
 */
final class ItemCosineRecommender implements Recommender {

    private static final float POPULARITY_TIE_BREAK = 1e-6f;

    private final int neighbours;
    private final RecencyWeight recency;

    ItemCosineRecommender(int neighbours, RecencyWeight recency) {
        this.neighbours = neighbours;
        this.recency = recency;
    }

    @Override
    public String name() {
        return "item_cosine";
    }

    @Override
    public Scorer fit(PurchaseMatrix purchases) {
        int products = purchases.products();
        int[] neighbourIds = new int[products * neighbours];
        float[] similarities = new float[products * neighbours];
        int[] neighbourCount = new int[products];
        int[] together = new int[products];
        BestK best = new BestK(neighbours);
        for (int i = 0; i < products; i++) {
            countCoPurchases(purchases, i, together);
            best.clear();
            double buyersOfI = purchases.buyers(i);
            for (int j = 0; j < products; j++) {
                if (together[j] > 0 && j != i) {
                    best.offer(j, (float) (together[j] / Math.sqrt(buyersOfI * purchases.buyers(j))));
                }
            }
            neighbourCount[i] = best.size();
            for (int r = 0; r < best.size(); r++) {
                neighbourIds[i * neighbours + r] = best.id(r);
                similarities[i * neighbours + r] = best.score(r);
            }
        }
        float[] prior = popularityPrior(purchases);
        return customers -> {
            float[][] rows = new float[customers.length][];
            for (int c = 0; c < customers.length; c++) {
                float[] row = prior.clone();
                for (int k = purchases.rowStart(customers[c]); k < purchases.rowEnd(customers[c]); k++) {
                    int item = purchases.productAt(k);
                    float weight = recency.weight(purchases.lastDay() - purchases.lastDayAt(k));
                    for (int r = item * neighbours, end = r + neighbourCount[item]; r < end; r++) {
                        row[neighbourIds[r]] += weight * similarities[r];
                    }
                }
                rows[c] = row;
            }
            return rows;
        };
    }

    /** Fills {@code together[j]} with the number of customers who bought both product i and j. */
    private static void countCoPurchases(PurchaseMatrix purchases, int i, int[] together) {
        Arrays.fill(together, 0);
        for (int k = purchases.columnStart(i); k < purchases.columnEnd(i); k++) {
            int customer = purchases.customerAt(k);
            for (int m = purchases.rowStart(customer); m < purchases.rowEnd(customer); m++) {
                together[purchases.productAt(m)]++;
            }
        }
    }

    private static float[] popularityPrior(PurchaseMatrix purchases) {
        int most = 1;
        for (int p = 0; p < purchases.products(); p++) {
            most = Math.max(most, purchases.buyers(p));
        }
        float[] prior = new float[purchases.products()];
        for (int p = 0; p < prior.length; p++) {
            prior[p] = POPULARITY_TIE_BREAK * purchases.buyers(p) / most;
        }
        return prior;
    }
}
