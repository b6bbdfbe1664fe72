package org.ecom.ml.repurchase;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BinaryMetricsTest {

    @Test
    void confusionMatrixFigures() {
        // At 0.5: tp 3, fn 1, fp 1, tn 5.
        boolean[] labels = {true, true, true, true, false, false, false, false, false, false};
        double[] p = {0.9, 0.8, 0.7, 0.2, 0.6, 0.4, 0.3, 0.1, 0.05, 0.01};

        BinaryMetrics m = BinaryMetrics.of(labels, p, 0.5);

        assertEquals(0.8, m.accuracy(), 1e-12);
        assertEquals(0.75, m.precision(), 1e-12);
        assertEquals(0.75, m.recall(), 1e-12);
        assertEquals(0.75, m.f1(), 1e-12);
        // Chance agreement (4*4 + 6*6) / 100 = 0.52; kappa (0.8 - 0.52) / 0.48.
        assertEquals(0.28 / 0.48, m.kappa(), 1e-12);
        assertEquals((15.0 - 1) / Math.sqrt(4.0 * 4 * 6 * 6), m.mcc(), 1e-12);
        // 21 of the 24 positive-negative pairs are ordered right (0.2 is below 0.6, 0.4 and 0.3).
        assertEquals(21 / 24.0, m.rocAuc(), 1e-12);
    }
}
