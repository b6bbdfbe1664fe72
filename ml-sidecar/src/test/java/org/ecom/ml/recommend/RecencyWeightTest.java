package org.ecom.ml.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecencyWeightTest {

    @Test
    void weightHalvesEveryHalfLife() {
        RecencyWeight weight = new RecencyWeight(30);
        assertEquals(1f, weight.weight(0));
        assertEquals(0.5f, weight.weight(30), 1e-6);
        assertEquals(0.25f, weight.weight(60), 1e-6);
    }

    @Test
    void zeroHalfLifeCountsEveryPurchaseFully() {
        assertEquals(1f, new RecencyWeight(0).weight(365));
    }
}
