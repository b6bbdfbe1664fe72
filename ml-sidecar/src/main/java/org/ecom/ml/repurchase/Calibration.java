package org.ecom.ml.repurchase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether probabilities can be read as chances: the Brier score (mean squared error of the
 * probability against the 0/1 outcome) and a reliability table of ten equal-width probability bins,
 * each with its customers, mean predicted probability and observed buyer rate.
 */
final class Calibration {

    static final int BINS = 10;

    private Calibration() {
    }

    static double brier(boolean[] labels, double[] probabilities) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double error = probabilities[i] - (labels[i] ? 1 : 0);
            sum += error * error;
        }
        return labels.length == 0 ? Double.NaN : sum / labels.length;
    }

    /** The non-empty bins in order: bin k holds probabilities in [k/10, (k+1)/10), the last one 1.0 too. */
    static List<Map<String, Object>> reliability(boolean[] labels, double[] probabilities) {
        int[] count = new int[BINS];
        double[] predicted = new double[BINS];
        int[] buyers = new int[BINS];
        for (int i = 0; i < labels.length; i++) {
            int bin = Math.min(BINS - 1, (int) (probabilities[i] * BINS));
            count[bin]++;
            predicted[bin] += probabilities[i];
            buyers[bin] += labels[i] ? 1 : 0;
        }
        List<Map<String, Object>> table = new ArrayList<>();
        for (int bin = 0; bin < BINS; bin++) {
            if (count[bin] > 0) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("bin_low", bin / (double) BINS);
                row.put("bin_high", (bin + 1) / (double) BINS);
                row.put("customers", count[bin]);
                row.put("mean_predicted", predicted[bin] / count[bin]);
                row.put("observed_rate", buyers[bin] / (double) count[bin]);
                table.add(row);
            }
        }
        return table;
    }
}
