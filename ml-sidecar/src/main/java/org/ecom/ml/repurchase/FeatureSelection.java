package org.ecom.ml.repurchase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops features that cannot help or only repeat another: near-constant ones (one value in at least
 * 99% of rows) and, of a pair correlated beyond 0.95, the one listed later. It looks at the features
 * only, never the labels, so fitting it on the whole training window does not leak into cross-validation.
 *
 * @param kept    indices of the kept columns
 * @param dropped each dropped feature and why
 */
record FeatureSelection(int[] kept, Map<String, String> dropped) {

    private static final double MAX_SHARE_OF_ONE_VALUE = 0.99;
    private static final double MAX_CORRELATION = 0.95;

    static FeatureSelection fit(FeatureTable table) {
        Map<String, String> dropped = new LinkedHashMap<>();
        List<Integer> kept = new ArrayList<>();
        List<double[]> keptColumns = new ArrayList<>();
        for (int j = 0; j < table.names().size(); j++) {
            String name = table.names().get(j);
            double[] column = table.column(j);
            if (shareOfCommonestValue(column) >= MAX_SHARE_OF_ONE_VALUE) {
                dropped.put(name, "near-constant");
                continue;
            }
            String twin = null;
            for (int k = 0; k < kept.size() && twin == null; k++) {
                if (Math.abs(correlation(column, keptColumns.get(k))) > MAX_CORRELATION) {
                    twin = table.names().get(kept.get(k));
                }
            }
            if (twin != null) {
                dropped.put(name, "correlated with " + twin);
            } else {
                kept.add(j);
                keptColumns.add(column);
            }
        }
        return new FeatureSelection(kept.stream().mapToInt(Integer::intValue).toArray(), dropped);
    }

    FeatureTable apply(FeatureTable table) {
        return table.select(kept);
    }

    private static double shareOfCommonestValue(double[] column) {
        Map<Double, Integer> counts = new HashMap<>();
        int most = 0;
        for (double value : column) {
            most = Math.max(most, counts.merge(value, 1, Integer::sum));
        }
        return column.length == 0 ? 1 : most / (double) column.length;
    }

    private static double correlation(double[] a, double[] b) {
        double meanA = Arrays.stream(a).average().orElse(0);
        double meanB = Arrays.stream(b).average().orElse(0);
        double covariance = 0;
        double varianceA = 0;
        double varianceB = 0;
        for (int i = 0; i < a.length; i++) {
            covariance += (a[i] - meanA) * (b[i] - meanB);
            varianceA += (a[i] - meanA) * (a[i] - meanA);
            varianceB += (b[i] - meanB) * (b[i] - meanB);
        }
        return varianceA == 0 || varianceB == 0 ? 0 : covariance / Math.sqrt(varianceA * varianceB);
    }
}
