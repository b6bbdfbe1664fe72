package org.ecom.ml.recommend;

import java.util.Arrays;

/** The baseline: every customer gets the products bought by the most distinct customers. */
final class PopularityRecommender implements Recommender {

    @Override
    public String name() {
        return "popularity";
    }

    @Override
    public Scorer fit(PurchaseMatrix purchases) {
        float[] buyers = new float[purchases.products()];
        for (int p = 0; p < buyers.length; p++) {
            buyers[p] = purchases.buyers(p);
        }
        return customers -> {
            float[][] rows = new float[customers.length][];
            for (int i = 0; i < customers.length; i++) {
                rows[i] = Arrays.copyOf(buyers, buyers.length);
            }
            return rows;
        };
    }
}
