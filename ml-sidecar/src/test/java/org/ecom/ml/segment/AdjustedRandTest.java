package org.ecom.ml.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdjustedRandTest {

    @Test
    void oneForTheSamePartitionUnderOtherNamesAndTheTextbookValueOtherwise() {
        assertEquals(1.0, AdjustedRand.index(new int[] {0, 0, 1, 1, 2, 2}, new int[] {2, 2, 0, 0, 1, 1}), 1e-12);
        // scikit-learn's adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.5714...
        assertEquals(4 / 7.0, AdjustedRand.index(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}), 1e-12);
        // ... and ([0, 0, 1, 1], [0, 1, 0, 1]) = -0.5: worse than chance.
        assertEquals(-0.5, AdjustedRand.index(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}), 1e-12);
    }
}
