package org.ecom.ml.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BoxSearchTest {

    @Test
    void boxSearchFindsInteriorAndBoundaryMinima() {
        BoxSearch.Box box = new BoxSearch.Box(new double[] {0, 0}, new double[] {1, 1});
        double[] interior = BoxSearch.minimise(x -> Math.pow(x[0] - 0.37, 2) + Math.pow(x[1] - 0.81, 2), box);
        assertEquals(0.37, interior[0], 1e-4);
        assertEquals(0.81, interior[1], 1e-4);
        double[] boundary = BoxSearch.minimise(x -> Math.pow(x[0] + 2, 2) + Math.pow(x[1] - 0.5, 2), box);
        assertEquals(0, boundary[0], 1e-9);
        assertEquals(0.5, boundary[1], 1e-4);
    }
}
