package org.ecom.ml.repurchase;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;

import java.io.Serial;
import java.util.Arrays;
import java.util.List;

/**
 * A rank-averaged blend of boosted trees and logistic regression, then Platt-calibrated. Each
 * model's probability becomes its rank among the model's own probabilities on its training rows (a
 * stored reference, so one customer can be scored alone, without the others), the two ranks are
 * averaged, and the calibration turns that score into a probability. Once calibrated it is the
 * run's stored scorer: every written score goes through {@link #probability}.
 *
 * @param featureNames  the feature columns the models read, by name (a subset of {@link CustomerFeatures#NAMES})
 * @param typicalValues each feature's median over the training rows
 * @param boosted       the boosted trees
 * @param linear        the logistic regression
 * @param boostedRank   quantiles of the boosted trees' training probabilities, ascending
 * @param linearRank    quantiles of the logistic regression's training probabilities, ascending
 * @param calibration   score to probability; null until calibrated
 */
record BlendedModel(List<String> featureNames, double[] typicalValues, XGBoostModel<Label> boosted, Model<Label> linear,
                    double[] boostedRank, double[] linearRank, PlattScaling calibration) implements RepurchaseScorer {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Quantiles kept of each reference: enough for ranks to the nearest 0.1 %. */
    private static final int REFERENCE_POINTS = 1001;

    /** Trains both models on the rows (already restricted to {@code table}'s columns). */
    static BlendedModel fit(FeatureTable table, boolean[] labels, long seed) {
        var examples = TribuoExamples.dataset(TribuoExamples.examples(table, labels));
        XGBoostModel<Label> boosted = (XGBoostModel<Label>) Learners.boostedTrees(seed).train(examples);
        Model<Label> linear = Learners.logisticRegression(seed).train(examples);
        var rows = TribuoExamples.examples(table, null);
        double[] medians = new double[table.names().size()];
        for (int j = 0; j < medians.length; j++) {
            medians[j] = median(table.column(j));
        }
        return new BlendedModel(List.copyOf(table.names()), medians, boosted, linear,
                quantiles(TribuoExamples.buyProbabilities(boosted, rows)),
                quantiles(TribuoExamples.buyProbabilities(linear, rows)), null);
    }

    BlendedModel calibrated(PlattScaling scaling) {
        return new BlendedModel(featureNames, typicalValues, boosted, linear, boostedRank, linearRank, scaling);
    }

    @Override
    public double[] typicalValues() {
        return typicalValues.clone();
    }

    /** The three scores of every row: each model's probability and the blend's rank average. */
    Scores scores(FeatureTable table) {
        var rows = TribuoExamples.examples(table.select(featureNames), null);
        double[] boostedProbability = TribuoExamples.buyProbabilities(boosted, rows);
        double[] linearProbability = TribuoExamples.buyProbabilities(linear, rows);
        double[] blend = new double[rows.size()];
        for (int i = 0; i < blend.length; i++) {
            blend[i] = blend(boostedProbability[i], linearProbability[i]);
        }
        return new Scores(boostedProbability, linearProbability, blend);
    }

    /** The calibrated probability of buying again for one customer's features, in featureNames order. */
    @Override
    public double probability(double[] features) {
        if (calibration == null) {
            throw new IllegalStateException("the blend is not calibrated yet");
        }
        if (features.length != featureNames.size()) {
            throw new IllegalArgumentException("expected " + featureNames.size() + " features " + featureNames
                    + ", got " + features.length);
        }
        List<Example<Label>> row = List.of(new ArrayExample<>(TribuoExamples.DOES_NOT_BUY,
                featureNames.toArray(String[]::new), features.clone()));
        return calibration.probability(blend(TribuoExamples.buyProbabilities(boosted, row)[0],
                TribuoExamples.buyProbabilities(linear, row)[0]));
    }

    /** The three strongest tree SHAP contributions of each row (the trees' part of the blend). */
    List<RepurchaseReason> reasons(FeatureTable table) {
        return Reasons.top(table.customerIds(), TreeContributions.of(boosted, table.select(featureNames)));
    }

    /** Per row: the boosted trees' and the logistic regression's probabilities, and the blended score in [0, 1]. */
    record Scores(double[] boosted, double[] linear, double[] blend) {
    }

    private double blend(double boostedProbability, double linearProbability) {
        return (rank(boostedRank, boostedProbability) + rank(linearRank, linearProbability)) / 2;
    }

    /** The share of the reference below the value, ties counting half. */
    private static double rank(double[] reference, double value) {
        int below = lowerBound(reference, value);
        int notAbove = lowerBound(reference, Math.nextUp(value));
        return (below + notAbove) / 2.0 / reference.length;
    }

    private static int lowerBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double[] quantiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int points = Math.min(REFERENCE_POINTS, sorted.length);
        double[] kept = new double[points];
        for (int k = 0; k < points; k++) {
            kept[k] = sorted[(int) ((long) k * (sorted.length - 1) / Math.max(1, points - 1))];
        }
        return kept;
    }
}
