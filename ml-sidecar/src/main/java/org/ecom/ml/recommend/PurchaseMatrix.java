package org.ecom.ml.recommend;

import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.ecom.ml.data.ProductPurchase;

/**
 * Who bought what, as a binary customers × products matrix: a customer either bought a product
 * (on any day, in any quantity) or did not. Quantities are left out on purpose: wholesale
 * customers order in bulk, so counts would measure the size of a business rather than taste.
 * The day of the last purchase of each pair is kept, for models that weigh recent purchases more.
 * Customers and products are numbered 0.. in ascending id / stock code order, and the matrix is
 * kept compressed both by row (a customer's products) and by column (a product's customers).
 */
final class PurchaseMatrix {

    private static final int DAY_BITS = 20;
    private static final long DAY_MASK = (1L << DAY_BITS) - 1;

    private final int[] customerIds;
    private final String[] stockCodes;
    private final int[] rowStart;
    private final int[] rowProducts;
    private final int[] rowLastDay;
    private final int lastDay;
    private final int[] columnStart;
    private final int[] columnCustomers;

    private PurchaseMatrix(int[] customerIds, String[] stockCodes, long[] sortedPairs, int[] lastDays) {
        this.customerIds = customerIds;
        this.stockCodes = stockCodes;
        this.rowLastDay = lastDays;
        this.lastDay = Arrays.stream(lastDays).max().orElse(0);
        int products = stockCodes.length;
        rowStart = new int[customerIds.length + 1];
        rowProducts = new int[sortedPairs.length];
        columnStart = new int[products + 1];
        columnCustomers = new int[sortedPairs.length];
        for (int k = 0; k < sortedPairs.length; k++) {
            rowStart[(int) (sortedPairs[k] / products) + 1]++;
            columnStart[(int) (sortedPairs[k] % products) + 1]++;
        }
        Arrays.parallelPrefix(rowStart, Integer::sum);
        Arrays.parallelPrefix(columnStart, Integer::sum);
        int[] columnFill = Arrays.copyOf(columnStart, products);
        for (int k = 0; k < sortedPairs.length; k++) {
            int customer = (int) (sortedPairs[k] / products);
            int product = (int) (sortedPairs[k] % products);
            rowProducts[k] = product;
            columnCustomers[columnFill[product]++] = customer;
        }
    }

    /** The matrix of the purchases that pass the filter; customers and products are those of these purchases. */
    static PurchaseMatrix of(Collection<ProductPurchase> purchases, Predicate<ProductPurchase> filter) {
        TreeSet<Integer> customers = new TreeSet<>();
        TreeSet<String> products = new TreeSet<>();
        for (ProductPurchase p : purchases) {
            if (filter.test(p)) {
                customers.add(p.customerId());
                products.add(p.stockCode());
            }
        }
        int[] customerIds = customers.stream().mapToInt(Integer::intValue).toArray();
        String[] stockCodes = products.toArray(String[]::new);
        // (pair, day since the first day) in one long, so one sort puts a pair's last day at its end.
        long firstDay = purchases.stream().mapToLong(p -> p.purchasedOn().toEpochDay()).min().orElse(0);
        long[] pairDays = new long[purchases.size()];
        int n = 0;
        for (ProductPurchase p : purchases) {
            if (filter.test(p)) {
                long pair = (long) Arrays.binarySearch(customerIds, p.customerId()) * stockCodes.length
                        + Arrays.binarySearch(stockCodes, p.stockCode());
                pairDays[n++] = pair << DAY_BITS | (p.purchasedOn().toEpochDay() - firstDay);
            }
        }
        Arrays.sort(pairDays, 0, n);
        long[] pairs = new long[n];
        int[] lastDays = new int[n];
        int distinct = 0;
        for (int k = 0; k < n; k++) {
            if (k + 1 == n || pairDays[k + 1] >>> DAY_BITS != pairDays[k] >>> DAY_BITS) {
                pairs[distinct] = pairDays[k] >>> DAY_BITS;
                lastDays[distinct++] = (int) (firstDay + (pairDays[k] & DAY_MASK));
            }
        }
        return new PurchaseMatrix(customerIds, stockCodes, Arrays.copyOf(pairs, distinct), Arrays.copyOf(lastDays, distinct));
    }

    /** The epoch day of the latest purchase in the matrix. */
    int lastDay() {
        return lastDay;
    }

    /** The epoch day the customer last bought the product at this position of {@link #productAt}. */
    int lastDayAt(int position) {
        return rowLastDay[position];
    }

    int customers() {
        return customerIds.length;
    }

    int products() {
        return stockCodes.length;
    }

    /** Distinct (customer, product) pairs. */
    int pairs() {
        return rowProducts.length;
    }

    int customerId(int customer) {
        return customerIds[customer];
    }

    String stockCode(int product) {
        return stockCodes[product];
    }

    /** The customer's index, or a negative number when they bought nothing here. */
    int customerIndex(int customerId) {
        return Arrays.binarySearch(customerIds, customerId);
    }

    /** The product's index, or a negative number when nobody bought it here. */
    int productIndex(String stockCode) {
        return Arrays.binarySearch(stockCodes, stockCode);
    }

    /** Positions rowStart..rowEnd-1 of {@link #productAt} hold the customer's products, ascending. */
    int rowStart(int customer) {
        return rowStart[customer];
    }

    int rowEnd(int customer) {
        return rowStart[customer + 1];
    }

    int productAt(int position) {
        return rowProducts[position];
    }

    boolean bought(int customer, int product) {
        return Arrays.binarySearch(rowProducts, rowStart[customer], rowStart[customer + 1], product) >= 0;
    }

    /** How many distinct customers bought the product. */
    int buyers(int product) {
        return columnStart[product + 1] - columnStart[product];
    }

    /** Positions columnStart..columnEnd-1 of {@link #customerAt} hold the product's customers, ascending. */
    int columnStart(int product) {
        return columnStart[product];
    }

    int columnEnd(int product) {
        return columnStart[product + 1];
    }

    int customerAt(int position) {
        return columnCustomers[position];
    }
}
