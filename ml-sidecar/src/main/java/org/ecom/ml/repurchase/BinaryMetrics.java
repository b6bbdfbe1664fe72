package org.ecom.ml.repurchase;

import org.tribuo.classification.evaluation.LabelEvaluationUtil;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How well probabilities separate buyers from the rest: the ranking figures (ROC-AUC, average
 * precision) and, at one threshold, the confusion-matrix figures including Cohen's kappa and MCC.
 */
record BinaryMetrics(double threshold, double accuracy, double rocAuc, double prAuc, double precision,
                     double recall, double f1, double kappa, double mcc) {

    static BinaryMetrics of(boolean[] labels, double[] probabilities, double threshold) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean predicted = probabilities[i] >= threshold;
            if (predicted) {
                if (labels[i]) tp++; else fp++;
            } else {
                if (labels[i]) fn++; else tn++;
            }
        }
        double n = labels.length;
        double accuracy = (tp + tn) / n;
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        double f1 = ratio(2 * tp, 2 * tp + fp + fn);
        double chanceAgreement = ((double) (tp + fp) * (tp + fn) + (double) (fn + tn) * (fp + tn)) / (n * n);
        double kappa = chanceAgreement == 1 ? 0 : (accuracy - chanceAgreement) / (1 - chanceAgreement);
        double mccDenominator = Math.sqrt((double) (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        double mcc = mccDenominator == 0 ? 0 : ((double) tp * tn - (double) fp * fn) / mccDenominator;
        return new BinaryMetrics(threshold, accuracy, rocAuc(labels, probabilities),
                prAuc(labels, probabilities), precision, recall, f1, kappa, mcc);
    }

    static double rocAuc(boolean[] labels, double[] scores) {
        return LabelEvaluationUtil.binaryAUCROC(labels, scores);
    }

    /** Average precision: the area under the precision-recall curve as a step function. */
    static double prAuc(boolean[] labels, double[] scores) {
        return LabelEvaluationUtil.averagedPrecision(labels, scores);
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("threshold", threshold);
        map.put("accuracy", accuracy);
        map.put("roc_auc", rocAuc);
        map.put("pr_auc", prAuc);
        map.put("precision", precision);
        map.put("recall", recall);
        map.put("f1", f1);
        map.put("cohen_kappa", kappa);
        map.put("mcc", mcc);
        return map;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : numerator / (double) denominator;
    }
}
