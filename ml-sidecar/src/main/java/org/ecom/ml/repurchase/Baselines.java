package org.ecom.ml.repurchase;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the models have to beat on the test window: the training window's buyer rate for everyone
 * (no ranking at all) and recency alone (the more recent the last purchase, the likelier the next),
 * with its threshold chosen on the training window like the models'.
 */
final class Baselines {

    private Baselines() {
    }

    static Map<String, Object> figures(LabelledWindow train, LabelledWindow test) {
        double[] prior = new double[test.labels().length];
        Arrays.fill(prior, train.positiveRate());
        int recency = train.features().names().indexOf("recency_days");
        double[] trainRecency = recencyScores(train.features(), recency);
        double threshold = BinaryMetrics.maxF1Threshold(train.labels(), trainRecency);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("prior_rate", BinaryMetrics.of(test.labels(), prior, 0.5).asMap());
        figures.put("recency_only", BinaryMetrics.of(test.labels(), recencyScores(test.features(), recency), threshold).asMap());
        return figures;
    }

    /** A score that falls with the days since the last purchase. */
    private static double[] recencyScores(FeatureTable table, int column) {
        double[] scores = new double[table.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = 1 / (1 + table.rows()[i][column]);
        }
        return scores;
    }
}
