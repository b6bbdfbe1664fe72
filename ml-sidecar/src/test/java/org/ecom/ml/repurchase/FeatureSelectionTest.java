package org.ecom.ml.repurchase;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FeatureSelectionTest {

    @Test
    void dropsNearConstantAndRedundantFeaturesAndKeepsTheRest() {
        int n = 200;
        double[][] rows = new double[n][4];
        for (int i = 0; i < n; i++) {
            rows[i][0] = i;
            rows[i][1] = i == 0 ? 1 : 0;              // one row in two hundred differs
            rows[i][2] = 3 * i + 7;                   // a rescaled copy of column 0
            rows[i][3] = (i * 37) % 11;               // unrelated
        }
        FeatureTable table = new FeatureTable(new int[n], List.of("a", "rare", "a_again", "other"), rows);

        FeatureSelection selection = FeatureSelection.fit(table);

        assertArrayEquals(new int[] {0, 3}, selection.kept());
        assertEquals(Map.of("rare", "near-constant", "a_again", "correlated with a"), selection.dropped());
        assertEquals(List.of("a", "other"), selection.apply(table).names());
    }
}
