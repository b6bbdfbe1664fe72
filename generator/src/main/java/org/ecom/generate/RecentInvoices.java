package org.ecom.generate;

/**
 * A ring of the last {@value #CAPACITY} sale invoices (up to {@value #LINES} lines each), from which
 * cancellations take their customer and products: a cancellation always refers to something the
 * customer bought shortly before, and memory stays fixed.
 */
final class RecentInvoices {
    static final int CAPACITY = 256;
    static final int LINES = 16;

    private final int[] customer = new int[CAPACITY];
    private final String[] customerText = new String[CAPACITY];
    private final int[] country = new int[CAPACITY];
    private final int[] lines = new int[CAPACITY];
    private final String[][] stockCode = new String[CAPACITY][LINES];
    private final String[][] description = new String[CAPACITY][LINES];
    private final int[][] quantity = new int[CAPACITY][LINES];
    private final String[][] price = new String[CAPACITY][LINES];
    private int next;
    private int size;

    void remember(Invoice invoice, int customerIndex, int countryIndex, String customerId) {
        int entry = next;
        next = (next + 1) % CAPACITY;
        size = Math.min(CAPACITY, size + 1);
        customer[entry] = customerIndex;
        customerText[entry] = customerId;
        country[entry] = countryIndex;
        int n = Math.min(LINES, invoice.size());
        lines[entry] = n;
        for (int i = 0; i < n; i++) {
            stockCode[entry][i] = invoice.stockCode[i];
            description[entry][i] = invoice.description[i];
            quantity[entry][i] = invoice.quantity[i];
            price[entry][i] = invoice.price[i];
        }
    }

    int size() {
        return size;
    }

    int pick(java.util.SplittableRandom random) {
        return random.nextInt(size);
    }

    int customer(int entry) {
        return customer[entry];
    }

    String customerText(int entry) {
        return customerText[entry];
    }

    int country(int entry) {
        return country[entry];
    }

    int lines(int entry) {
        return lines[entry];
    }

    String stockCode(int entry, int line) {
        return stockCode[entry][line];
    }

    String description(int entry, int line) {
        return description[entry][line];
    }

    int quantity(int entry, int line) {
        return quantity[entry][line];
    }

    String price(int entry, int line) {
        return price[entry][line];
    }
}
