package org.ecom.ml.repurchase;

import java.io.Serial;
import java.io.Serializable;

/**
 * Platt scaling: probability = 1 / (1 + exp(-(slope * score + intercept))), fitted by Newton's
 * method on the log loss of a window the model did not train on, with Platt's smoothed targets
 * (so a perfectly separated window does not push the slope to infinity).
 */
record PlattScaling(double slope, double intercept) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final int MAX_ITERATIONS = 100;

    static PlattScaling fit(double[] scores, boolean[] labels) {
        int positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        double high = (positives + 1.0) / (positives + 2.0);
        double low = 1.0 / (labels.length - positives + 2.0);
        double a = 0;
        double b = Math.log((positives + 1.0) / (labels.length - positives + 1.0));
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            // Gradient and Hessian of the log loss in (a, b), with a tiny ridge so the Hessian stays invertible.
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (int i = 0; i < scores.length; i++) {
                double p = sigmoid(a * scores[i] + b);
                double residual = p - (labels[i] ? high : low);
                double weight = p * (1 - p);
                ga += residual * scores[i];
                gb += residual;
                haa += weight * scores[i] * scores[i];
                hab += weight * scores[i];
                hbb += weight;
            }
            double determinant = haa * hbb - hab * hab;
            double stepA = (hbb * ga - hab * gb) / determinant;
            double stepB = (haa * gb - hab * ga) / determinant;
            a -= stepA;
            b -= stepB;
            if (Math.abs(stepA) + Math.abs(stepB) < 1e-10) {
                break;
            }
        }
        return new PlattScaling(a, b);
    }

    double probability(double score) {
        return sigmoid(slope * score + intercept);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
