package org.ecom.ml.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SilhouetteTest {

    @Test
    void matchesTheDefinitionOnPointsOnALine() {
        double[][] points = {{0}, {1}, {10}, {11}};
        int[] labels = {0, 0, 1, 1};
        // Points 0 and 11: a = 1, b = (10 + 11) / 2; points 1 and 10: a = 1, b = (9 + 10) / 2.
        double expected = ((1 - 1 / 10.5) * 2 + (1 - 1 / 9.5) * 2) / 4;
        assertEquals(expected, Silhouette.mean(points, labels, 2), 1e-12);
    }

    @Test
    void aWrongSplitScoresBelowZero() {
        double[][] points = {{0}, {1}, {10}, {11}};
        assertTrue(Silhouette.mean(points, new int[] {0, 1, 0, 1}, 2) < 0);
    }

    @Test
    void aSampleOfManyPointsGivesCloseToTheExactValueAndTheSameForASeed() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        int n = 6_000;
        double[][] points = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            points[i] = new double[] {labels[i] * 4 + random.nextGaussian(), random.nextGaussian()};
        }
        double exact = Silhouette.mean(points, labels, 3);
        double sampled = Silhouette.mean(points, labels, 3, 1_500, 42);
        assertEquals(exact, sampled, 0.02);
        assertEquals(sampled, Silhouette.mean(points, labels, 3, 1_500, 42));
        assertEquals(exact, Silhouette.mean(points, labels, 3, n, 42), "up to the limit it is exact");
    }
}
