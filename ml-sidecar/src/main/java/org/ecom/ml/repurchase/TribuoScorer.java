package org.ecom.ml.repurchase;

import java.util.Arrays;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * The chosen Tribuo model behind its selected features. Every score the sidecar writes goes through
 * {@link #probability}, so a copy loaded from the database gives the same numbers.
 *
 * @param model         the model trained on the latest window, on the selected features
 * @param featureNames  the selected features, the model's inputs
 * @param typicalValues each selected feature's median in that window
 */
record TribuoScorer(Model<Label> model, List<String> featureNames, double[] typicalValues) implements RepurchaseScorer {

    private static final long serialVersionUID = 1L;

    TribuoScorer {
        featureNames = List.copyOf(featureNames);
        typicalValues = typicalValues.clone();
        if (typicalValues.length != featureNames.size()) {
            throw new IllegalArgumentException(featureNames.size() + " features but " + typicalValues.length + " typical values");
        }
    }

    /** The medians of the table's columns: the table must have the model's features, in order. */
    static TribuoScorer of(Model<Label> model, FeatureTable window) {
        double[] medians = new double[window.names().size()];
        for (int j = 0; j < medians.length; j++) {
            double[] column = window.column(j);
            Arrays.sort(column);
            int n = column.length;
            medians[j] = n % 2 == 1 ? column[n / 2] : (column[n / 2 - 1] + column[n / 2]) / 2;
        }
        return new TribuoScorer(model, window.names(), medians);
    }

    @Override
    public double[] typicalValues() {
        return typicalValues.clone();
    }

    @Override
    public double probability(double[] features) {
        if (features.length != featureNames.size()) {
            throw new IllegalArgumentException("expected " + featureNames.size() + " features " + featureNames
                    + ", got " + features.length);
        }
        ArrayExample<Label> example = new ArrayExample<>(TribuoExamples.DOES_NOT_BUY,
                featureNames.toArray(String[]::new), features.clone());
        Label buys = model.predict(example).getOutputScores().get(TribuoExamples.BUYS.getLabel());
        return buys == null ? 0 : buys.getScore();
    }
}
