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
 * Customers and products are numbered 0.. in ascending id / stock code order, and the matrix is
 * kept compressed both by row (a customer's products) and by column (a product's customers).
 */
final class PurchaseMatrix {

    private final int[] customerIds;
    private final String[] stockCodes;
    private final int[] rowStart;
    private final int[] rowProducts;
    private final int[] columnStart;
    private final int[] columnCustomers;

    private PurchaseMatrix(int[] customerIds, String[] stockCodes, long[] sortedPairs) {
        this.customerIds = customerIds;
        this.stockCodes = stockCodes;
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
        long[] pairs = new long[purchases.size()];
        int n = 0;
        for (ProductPurchase p : purchases) {
            if (filter.test(p)) {
                pairs[n++] = (long) Arrays.binarySearch(customerIds, p.customerId()) * stockCodes.length
                        + Arrays.binarySearch(stockCodes, p.stockCode());
            }
        }
        long[] sorted = Arrays.stream(pairs, 0, n).sorted().distinct().toArray();
        return new PurchaseMatrix(customerIds, stockCodes, sorted);
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
