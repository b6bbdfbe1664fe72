package org.ecom.generate;

import java.util.SplittableRandom;

/**
 * The 43 country names of Online Retail II (spelled as there: EIRE, RSA, USA, Unspecified, ...) with
 * weights close to the real row counts. Small countries get a floor weight so that even a 200k-row
 * file shows all of them. The United Kingdom takes about 88% of the customer invoices and 97% of
 * the anonymous ones, about 90% of all rows.
 */
final class Countries {
    static final int UNITED_KINGDOM = 0;

    /** Names in the order of the weights below. */
    static final String[] NAMES = {
        "United Kingdom", "EIRE", "Germany", "France", "Netherlands", "Spain", "Switzerland",
        "Belgium", "Portugal", "Australia", "Channel Islands", "Italy", "Norway", "Sweden", "Cyprus",
        "Finland", "Austria", "Denmark", "Unspecified", "Greece", "Japan", "USA", "Poland",
        "United Arab Emirates", "Israel", "Hong Kong", "Singapore", "Malta", "Iceland", "Canada",
        "Lithuania", "RSA", "Bahrain", "Brazil", "Thailand", "Korea", "European Community", "Lebanon",
        "West Indies", "Czech Republic", "Nigeria", "Bermuda", "Saudi Arabia",
    };

    /** Approximate rows per country in the real data (thousands), United Kingdom excluded. */
    private static final double[] REAL_ABROAD = {
        0, 17.8, 17.6, 14.3, 5.1, 3.8, 3.2, 3.1, 2.6, 1.9, 1.7, 1.5, 1.45, 1.36, 1.18, 1.05, 0.94,
        0.82, 0.75, 0.66, 0.58, 0.53, 0.53, 0.5, 0.37, 0.36, 0.35, 0.3, 0.25, 0.23, 0.19, 0.17, 0.15,
        0.09, 0.08, 0.06, 0.06, 0.06, 0.05, 0.05, 0.03, 0.03, 0.01,
    };

    private static final double UK_SHARE_OF_CUSTOMER_INVOICES = 0.88;
    /** Each small country keeps at least this share of the customer invoices. */
    private static final double FLOOR = 0.0006;

    /** Anonymous invoices: mostly United Kingdom, a few elsewhere (as in the real data). */
    private static final int[] ANONYMOUS = {UNITED_KINGDOM, 1, 18, 25, 3, 8};
    private static final double[] ANONYMOUS_CUMULATIVE = {0.97, 0.98, 0.986, 0.992, 0.996, 1.0};

    private final double[] customerWeights = new double[NAMES.length];
    private final double[] customerCumulative = new double[NAMES.length];

    Countries() {
        double abroad = 0;
        for (int c = 1; c < NAMES.length; c++) {
            abroad += REAL_ABROAD[c];
        }
        double sum = 0;
        for (int c = 0; c < NAMES.length; c++) {
            double weight = c == UNITED_KINGDOM
                    ? UK_SHARE_OF_CUSTOMER_INVOICES
                    : Math.max(FLOOR, (1 - UK_SHARE_OF_CUSTOMER_INVOICES) * REAL_ABROAD[c] / abroad);
            customerWeights[c] = weight;
            sum += weight;
        }
        double running = 0;
        for (int c = 0; c < NAMES.length; c++) {
            customerWeights[c] /= sum;
            running += customerWeights[c];
            customerCumulative[c] = running;
        }
        customerCumulative[NAMES.length - 1] = 1.0;
    }

    int count() {
        return NAMES.length;
    }

    /** Share of the customer invoices that go to country {@code c}. */
    double customerWeight(int c) {
        return customerWeights[c];
    }

    int sampleForCustomerInvoice(SplittableRandom random) {
        return search(customerCumulative, random.nextDouble());
    }

    int sampleForAnonymousInvoice(SplittableRandom random) {
        return ANONYMOUS[search(ANONYMOUS_CUMULATIVE, random.nextDouble())];
    }

    /** The first index whose cumulative weight exceeds {@code u}. */
    static int search(double[] cumulative, double u) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > u) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
