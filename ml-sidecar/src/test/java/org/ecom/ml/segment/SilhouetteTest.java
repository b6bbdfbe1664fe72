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
}
