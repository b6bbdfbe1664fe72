package org.ecom.ml.segment;

import java.util.List;
import org.ecom.ml.data.CustomerRfm;

/**
 * Recency, frequency and monetary value as k-means sees them: log1p of each (all three are
 * right-skewed, spend by four orders of magnitude), then standardised so that each weighs the same
 * in the Euclidean distance.
 *
 * <p>Values below zero are clamped to zero before the logarithm: kpi.rfm counts clean sales only,
 * so recency and frequency are never negative and spend is positive in the real data (smallest
 * 2.95), but a customer whose spend were net of refunds could come out at or below zero, and log1p
 * is undefined below -1. Such a customer is treated as spending nothing; {@link #clampedCustomers()}
 * counts them.
 */
final class RfmFeatures {

    static final int RECENCY = 0;
    static final int FREQUENCY = 1;
    static final int MONETARY = 2;
    static final int DIMENSIONS = 3;

    private final double[] mean = new double[DIMENSIONS];
    private final double[] sd = new double[DIMENSIONS];
    /** Row-major standardised features, customers x DIMENSIONS. */
    private final double[][] standardised;
    private final int clampedCustomers;

    RfmFeatures(List<CustomerRfm> rfm) {
        int n = rfm.size();
        double[][] logs = new double[n][DIMENSIONS];
        int clamped = 0;
        for (int i = 0; i < n; i++) {
            CustomerRfm c = rfm.get(i);
            double[] raw = {c.recencyDays(), c.frequency(), c.monetary()};
            boolean anyClamped = false;
            for (int d = 0; d < DIMENSIONS; d++) {
                anyClamped |= raw[d] < 0;
                logs[i][d] = Math.log1p(Math.max(0, raw[d]));
            }
            clamped += anyClamped ? 1 : 0;
        }
        for (int d = 0; d < DIMENSIONS; d++) {
            double sum = 0;
            for (double[] row : logs) {
                sum += row[d];
            }
            mean[d] = sum / n;
            double squares = 0;
            for (double[] row : logs) {
                squares += (row[d] - mean[d]) * (row[d] - mean[d]);
            }
            // A constant feature carries no information; a unit sd keeps it at zero instead of NaN.
            sd[d] = squares > 0 ? Math.sqrt(squares / n) : 1;
        }
        for (double[] row : logs) {
            for (int d = 0; d < DIMENSIONS; d++) {
                row[d] = (row[d] - mean[d]) / sd[d];
            }
        }
        this.standardised = logs;
        this.clampedCustomers = clamped;
    }

    double[][] standardised() {
        return standardised;
    }

    int clampedCustomers() {
        return clampedCustomers;
    }

    /** A point of the standardised space in original units (days, orders, spend). */
    double[] toOriginalUnits(double[] point) {
        double[] original = new double[DIMENSIONS];
        for (int d = 0; d < DIMENSIONS; d++) {
            original[d] = Math.expm1(point[d] * sd[d] + mean[d]);
        }
        return original;
    }
}
