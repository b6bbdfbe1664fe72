package org.ecom.ml.recommend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ecom.ml.data.ProductPurchase;

/**
 * Generated purchases with planted co-purchases: each customer belongs to one of a few groups,
 * buys part of their group's products over a year, one more in the tuning window (the 30 days
 * before the last 30) and two more in the test window (the last 30 days); every customer also buys
 * from a set of generic products, the most popular overall, and in each window half of the
 * customers by chance one more generic product. Popularity can
 * only guess the generic products; a model that learns the groups predicts the held-out ones.
 */
final class PlantedPurchases {

    static final LocalDate FIRST_DAY = LocalDate.of(2011, 1, 1);
    static final int DAYS = 365;
    private static final int GROUPS = 8;
    private static final int GROUP_PRODUCTS = 12;
    private static final int GENERIC_PRODUCTS = 30;

    private PlantedPurchases() {
    }

    static List<ProductPurchase> generate(int customers, long seed) {
        Random random = new Random(seed);
        List<ProductPurchase> purchases = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            int customerId = 10_000 + c;
            int group = c % GROUPS;
            int[] order = shuffled(GROUP_PRODUCTS, random);
            for (int k = 0; k < 5; k++) { // five of the group's products before both windows
                purchases.add(buy(customerId, "G" + group + "-" + order[k], random.nextInt(DAYS - 70), random));
            }
            // one more in the tuning window (the 30 days before the last 30), two in the test window
            purchases.add(buy(customerId, "G" + group + "-" + order[5], DAYS - 31 - random.nextInt(30), random));
            for (int k = 6; k < 8; k++) {
                purchases.add(buy(customerId, "G" + group + "-" + order[k], DAYS - 1 - random.nextInt(30), random));
            }
            boolean[] generic = new boolean[GENERIC_PRODUCTS];
            for (int g = 0; g < GENERIC_PRODUCTS; g++) { // generic products, some popular
                if (random.nextDouble() < 0.6 * (1 - (double) g / GENERIC_PRODUCTS)) {
                    generic[g] = true;
                    purchases.add(buy(customerId, "X" + g, random.nextInt(DAYS - 70), random));
                }
            }
            for (int window = 0; window < 2; window++) { // a generic product in each window, by chance
                int noise = random.nextInt(GENERIC_PRODUCTS);
                if (!generic[noise] && random.nextDouble() < 0.5) {
                    generic[noise] = true;
                    purchases.add(buy(customerId, "X" + noise, DAYS - 1 - 30 * window - random.nextInt(30), random));
                }
            }
        }
        return purchases;
    }

    private static ProductPurchase buy(int customerId, String stockCode, int day, Random random) {
        return new ProductPurchase(customerId, stockCode, FIRST_DAY.plusDays(day), 1 + random.nextInt(12));
    }

    private static int[] shuffled(int n, Random random) {
        int[] values = new int[n];
        for (int k = 0; k < n; k++) {
            values[k] = k;
        }
        for (int k = n - 1; k > 0; k--) {
            int other = random.nextInt(k + 1);
            int swap = values[k];
            values[k] = values[other];
            values[other] = swap;
        }
        return values;
    }
}
