package org.ecom.generate;

/**
 * Number formatting as the published Online Retail II CSV has it (it was written from floating point
 * columns): prices {@code 2.55}, {@code 2.1}, {@code 3.0}, customer ids {@code 13085.0}.
 */
final class Formats {
    /** Quantities in this range are formatted once and reused: nearly every line hits the cache. */
    private static final int CACHED = 2048;
    private static final String[] QUANTITIES = new String[2 * CACHED + 1];

    static {
        for (int i = -CACHED; i <= CACHED; i++) {
            QUANTITIES[i + CACHED] = Integer.toString(i);
        }
    }

    private Formats() {
    }

    /** An amount in pence written like a Python float: 255 is "2.55", 210 is "2.1", 300 is "3.0". */
    static String price(long pence) {
        StringBuilder text = new StringBuilder(12);
        if (pence < 0) {
            text.append('-');
            pence = -pence;
        }
        long pounds = pence / 100;
        int rest = (int) (pence % 100);
        text.append(pounds).append('.');
        if (rest == 0) {
            text.append('0');
        } else if (rest % 10 == 0) {
            text.append(rest / 10);
        } else {
            if (rest < 10) {
                text.append('0');
            }
            text.append(rest);
        }
        return text.toString();
    }

    static String quantity(int quantity) {
        return quantity >= -CACHED && quantity <= CACHED
                ? QUANTITIES[quantity + CACHED]
                : Integer.toString(quantity);
    }

    static String customerId(long id) {
        return id + ".0";
    }
}
