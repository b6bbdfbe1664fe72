package org.ecom.ml.forecast;

import java.util.function.ToDoubleFunction;

/**
 * A small deterministic minimiser for a few parameters in a box: the best point of a coarse grid,
 * then compass search from it (try a step up and down along each axis, move to the best
 * improvement, halve the steps when nothing improves). Enough for Holt-Winters' two to four
 * smoothing weights, whose sum of squares is smooth but not convex.
 */
final class BoxSearch {

    /** Lower and upper bounds, inclusive. */
    record Box(double[] lower, double[] upper) {

        int dimensions() {
            return lower.length;
        }
    }

    private static final int GRID_POINTS = 5;
    private static final double FIRST_STEP = 0.1;
    /** Steps (as a share of each range) below which the search stops. */
    private static final double LAST_STEP = 1e-5;

    private BoxSearch() {
    }

    static double[] minimise(ToDoubleFunction<double[]> f, Box box) {
        double[] best = bestOfGrid(f, box);
        double bestValue = f.applyAsDouble(best);
        double step = FIRST_STEP;
        while (step > LAST_STEP) {
            double[] candidateBest = null;
            for (int d = 0; d < box.dimensions(); d++) {
                for (int direction = -1; direction <= 1; direction += 2) {
                    double[] candidate = best.clone();
                    double range = box.upper()[d] - box.lower()[d];
                    candidate[d] = clamp(candidate[d] + direction * step * range, box.lower()[d], box.upper()[d]);
                    double value = f.applyAsDouble(candidate);
                    if (value < bestValue) {
                        bestValue = value;
                        candidateBest = candidate;
                    }
                }
            }
            if (candidateBest == null) {
                step /= 2;
            } else {
                best = candidateBest;
            }
        }
        return best;
    }

    /** The best of GRID_POINTS^d cell centres, so no corner of the box is favoured. */
    private static double[] bestOfGrid(ToDoubleFunction<double[]> f, Box box) {
        int dimensions = box.dimensions();
        int cells = (int) Math.pow(GRID_POINTS, dimensions);
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int cell = 0; cell < cells; cell++) {
            double[] point = new double[dimensions];
            int rest = cell;
            for (int d = 0; d < dimensions; d++) {
                double share = (rest % GRID_POINTS + 0.5) / GRID_POINTS;
                point[d] = box.lower()[d] + share * (box.upper()[d] - box.lower()[d]);
                rest /= GRID_POINTS;
            }
            double value = f.applyAsDouble(point);
            if (best == null || value < bestValue) {
                best = point;
                bestValue = value;
            }
        }
        return best;
    }

    private static double clamp(double value, double lower, double upper) {
        return Math.max(lower, Math.min(upper, value));
    }
}
