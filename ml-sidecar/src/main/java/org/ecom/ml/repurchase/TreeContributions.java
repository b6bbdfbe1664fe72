package org.ecom.ml.repurchase;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

import java.util.Arrays;
import java.util.List;

/**
 * Exact tree SHAP values of the boosted trees (XGBoost's own {@code predictContrib}), as log-odds of
 * buying: for each row, how much each feature moved the trees' score away from their average. A
 * row's contributions plus the bias add up to the log-odds of the trees' probability.
 * <p>
 * Tribuo trains XGBoost's two-class softmax, so each class has its own contributions; the log-odds of
 * buying is the difference between the classes' margins, and so is each feature's contribution.
 *
 * @param features      the feature of each column of {@code contributions}
 * @param contributions contributions[i][j]: feature j's push on row i's log-odds of buying
 * @param bias          each row's base log-odds (the same for every row)
 */
record TreeContributions(List<String> features, double[][] contributions, double[] bias) {

    static TreeContributions of(XGBoostModel<Label> model, FeatureTable table) {
        ImmutableFeatureMap ids = model.getFeatureIDMap();
        int columns = ids.size();
        int[] column = table.names().stream().mapToInt(ids::getID).toArray();
        // Dense rows in the model's feature order; a feature the model never saw stays missing (NaN).
        float[] data = new float[table.size() * columns];
        Arrays.fill(data, Float.NaN);
        for (int i = 0; i < table.size(); i++) {
            for (int j = 0; j < column.length; j++) {
                if (column[j] >= 0) {
                    data[i * columns + column[j]] = (float) table.rows()[i][j];
                }
            }
        }
        int buys = model.getOutputIDInfo().getID(TribuoExamples.BUYS);
        int doesNotBuy = model.getOutputIDInfo().getID(TribuoExamples.DOES_NOT_BUY);
        int width = columns + 1;
        try {
            DMatrix matrix = new DMatrix(data, table.size(), columns, Float.NaN);
            try {
                Booster booster = model.getInnerModels().get(0);
                float[][] raw = booster.predictContrib(matrix, 0);
                double[][] contributions = new double[table.size()][column.length];
                double[] bias = new double[table.size()];
                for (int i = 0; i < table.size(); i++) {
                    for (int j = 0; j < column.length; j++) {
                        if (column[j] >= 0) {
                            contributions[i][j] = raw[i][buys * width + column[j]] - raw[i][doesNotBuy * width + column[j]];
                        }
                    }
                    bias[i] = raw[i][buys * width + columns] - raw[i][doesNotBuy * width + columns];
                }
                return new TreeContributions(table.names(), contributions, bias);
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not compute the feature contributions", e);
        }
    }
}
