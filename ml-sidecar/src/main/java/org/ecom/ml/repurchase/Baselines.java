package org.ecom.ml.repurchase;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the models have to beat on a test window: one rate for everyone (no ranking at all; the
 * calibration window's buyer rate, so its Brier score compares with the calibrated blend's) and
 * recency alone (the more recent the last purchase, the likelier the next).
 */
final class Baselines {

    private Baselines() {
    }

    static Map<String, Object> figures(LabelledWindow test, double priorRate) {
        double[] prior = new double[test.labels().length];
        Arrays.fill(prior, priorRate);
        int recency = test.features().names().indexOf("recency_days");
        double[] recencyScores = new double[test.labels().length];
        for (int i = 0; i < recencyScores.length; i++) {
            recencyScores[i] = 1 / (1 + test.features().rows()[i][recency]);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, Object> priorFigures = ranking(test.labels(), prior);
        priorFigures.put("brier", Calibration.brier(test.labels(), prior));
        figures.put("prior_rate", priorFigures);
        figures.put("recency_only", ranking(test.labels(), recencyScores));
        return figures;
    }

    static Map<String, Object> ranking(boolean[] labels, double[] scores) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("roc_auc", BinaryMetrics.rocAuc(labels, scores));
        figures.put("pr_auc", BinaryMetrics.prAuc(labels, scores));
        return figures;
    }
}
