package org.ecom.ml.segment;

import java.util.Arrays;

/** The adjusted Rand index (Hubert and Arabie) of two labelings: 1 for the same partition, about 0 for chance. */
final class AdjustedRand {

    private AdjustedRand() {
    }

    /** Both labelings hold small non-negative labels, one per item, in the same item order. */
    static double index(int[] a, int[] b) {
        int ka = Arrays.stream(a).max().orElseThrow() + 1;
        int kb = Arrays.stream(b).max().orElseThrow() + 1;
        long[][] table = new long[ka][kb];
        long[] rows = new long[ka];
        long[] columns = new long[kb];
        for (int i = 0; i < a.length; i++) {
            table[a[i]][b[i]]++;
            rows[a[i]]++;
            columns[b[i]]++;
        }
        double index = 0;
        for (long[] row : table) {
            for (long cell : row) {
                index += pairs(cell);
            }
        }
        double rowPairs = Arrays.stream(rows).mapToDouble(AdjustedRand::pairs).sum();
        double columnPairs = Arrays.stream(columns).mapToDouble(AdjustedRand::pairs).sum();
        double expected = rowPairs * columnPairs / pairs(a.length);
        double max = (rowPairs + columnPairs) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }
}
