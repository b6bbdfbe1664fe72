package org.ecom.ml.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PersonaNamingTest {

    @Test
    void ranksWithinAQuadrantAndNumbersWhenNamesRunOut() {
        // Standardised (recency, frequency, monetary): two recent high-value clusters, four lapsed low-value ones.
        double[][] centroids = {
            {-1.0, 1.0, 1.0}, {-0.5, 0.4, 0.5},
            {1.0, -1, -1}, {2.5, -1, -1}, {1.5, -1, -1}, {2.0, -1, -1},
            {0.8, 0.9, 1.2}, {-0.7, -1.2, -0.4}};
        assertArrayEquals(new String[] {
            "Active big spenders", "Active regulars",
            "Lapsing 2", "Lapsed one-offs", "Lapsing", "Lapsed occasionals",
            "Lapsed regulars", "Active newcomers"}, PersonaNaming.names(centroids));
    }
}
