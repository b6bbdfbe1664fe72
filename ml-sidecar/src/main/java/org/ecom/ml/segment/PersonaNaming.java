package org.ecom.ml.segment;

import static org.ecom.ml.segment.RfmFeatures.FREQUENCY;
import static org.ecom.ml.segment.RfmFeatures.MONETARY;
import static org.ecom.ml.segment.RfmFeatures.RECENCY;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Names clusters as customer personas from their standardised centroids (0 = the average customer
 * on the log scale). A centroid falls in one of four quadrants: recent or lapsed (recency below or
 * above average) crossed with high or low value (mean of the frequency and monetary z-scores above
 * or below zero). Within a quadrant the clusters are ranked and take the quadrant's names in order;
 * a quadrant holding more clusters than names numbers its last name ("Hibernating 2"), so names are
 * unique. Only centroids decide, so the same centroids always get the same names.
 */
final class PersonaNaming {

    private enum Quadrant {
        // Best value first: Champions buy often and much, Loyal less so.
        RECENT_HIGH_VALUE(Comparator.comparingDouble(PersonaNaming::value).reversed(),
                "Champions", "Loyal", "Potential loyalists"),
        // Fewest orders first: New have mostly bought once, Promising are coming back.
        RECENT_LOW_VALUE(Comparator.comparingDouble(c -> c[FREQUENCY]), "New", "Promising"),
        // Lowest value first, so a single such cluster is "At risk"; a richer second one "Can't lose them".
        LAPSED_HIGH_VALUE(Comparator.comparingDouble(PersonaNaming::value), "At risk", "Can't lose them"),
        // Longest gone first: Lost, then Hibernating, then those About to sleep.
        LAPSED_LOW_VALUE(Comparator.comparingDouble((double[] c) -> c[RECENCY]).reversed(),
                "Lost", "Hibernating", "About to sleep");

        private final Comparator<double[]> rank;
        private final String[] names;

        Quadrant(Comparator<double[]> rank, String... names) {
            this.rank = rank;
            this.names = names;
        }

        static Quadrant of(double[] centroid) {
            boolean recent = centroid[RECENCY] < 0;
            boolean highValue = value(centroid) > 0;
            if (recent) {
                return highValue ? RECENT_HIGH_VALUE : RECENT_LOW_VALUE;
            }
            return highValue ? LAPSED_HIGH_VALUE : LAPSED_LOW_VALUE;
        }

        String name(int rankInQuadrant) {
            if (rankInQuadrant < names.length) {
                return names[rankInQuadrant];
            }
            return names[names.length - 1] + " " + (rankInQuadrant - names.length + 2);
        }
    }

    private PersonaNaming() {
    }

    /** names[c] for centroids[c], standardised RFM coordinates. */
    static String[] names(double[][] centroids) {
        String[] names = new String[centroids.length];
        for (Quadrant quadrant : Quadrant.values()) {
            List<Integer> members = new ArrayList<>();
            for (int c = 0; c < centroids.length; c++) {
                if (Quadrant.of(centroids[c]) == quadrant) {
                    members.add(c);
                }
            }
            members.sort(Comparator.comparing((Integer c) -> centroids[c], quadrant.rank));
            for (int r = 0; r < members.size(); r++) {
                names[members.get(r)] = quadrant.name(r);
            }
        }
        return names;
    }

    private static double value(double[] centroid) {
        return (centroid[FREQUENCY] + centroid[MONETARY]) / 2;
    }
}
