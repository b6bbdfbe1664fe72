package org.ecom.ml.recommend;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * Implicit-feedback matrix factorisation (Hu, Koren and Volinsky 2008): every customer-product
 * cell has preference 1 if bought and 0 otherwise, with confidence 1 + alpha x the recency weight
 * of the last purchase (1 for unbought cells). Alternating least squares minimises the confidence-
 * weighted squared error plus regularisation x the factors' squared norms: with the products'
 * factors fixed, each customer's factors solve (YᵀY + Yᵀ(C−I)Y + λI) x = YᵀC p, and the other way
 * round. The solve is a few conjugate-gradient steps warm-started from the previous factors
 * (Takács, Pilászy and Tikk 2011, as in the Python {@code implicit} package): it touches only a
 * customer's own purchases besides the shared YᵀY, and with f factors costs O(f²) instead of a
 * Cholesky factorisation's O(f³) per customer.
 *
 * <p>Plain arrays rather than a linear-algebra library: the only dense operations are YᵀY and
 * f x f matrix-vector products, a few lines each. Floats, not doubles: four times faster on the
 * real data with the same hit rates (YᵀY is summed in double). Deterministic: the initial factors come from the
 * seed and each customer's (product's) solve reads only the other side's factors, so solving them
 * in parallel gives the same result in any order.
 */
final class ImplicitAlsRecommender implements Recommender {

    private static final int CG_STEPS = 3;
    private static final double INITIAL_SCALE = 0.01;
    private static final double CONVERGED = 1e-20;

    private final AlsConfig config;
    private final RecencyWeight recency;
    private final long seed;

    ImplicitAlsRecommender(AlsConfig config, long seed) {
        this.config = config;
        this.recency = new RecencyWeight(config.halfLifeDays());
        this.seed = seed;
    }

    @Override
    public String name() {
        return "implicit_als";
    }

    @Override
    public Scorer fit(PurchaseMatrix purchases) {
        int f = config.factors();
        int customers = purchases.customers();
        int products = purchases.products();
        // Confidence - 1 of each bought cell, by row (customer) and by column (product).
        float[] rowExtra = new float[purchases.pairs()];
        float[] columnExtra = new float[purchases.pairs()];
        int[] columnFill = new int[products];
        for (int p = 0; p < products; p++) {
            columnFill[p] = purchases.columnStart(p);
        }
        for (int c = 0; c < customers; c++) {
            for (int k = purchases.rowStart(c); k < purchases.rowEnd(c); k++) {
                rowExtra[k] = (float) config.alpha() * recency.weight(purchases.lastDay() - purchases.lastDayAt(k));
                columnExtra[columnFill[purchases.productAt(k)]++] = rowExtra[k]; // customers ascend in both
            }
        }
        Random random = new Random(seed);
        float[] x = gaussian(random, customers * f);
        float[] y = gaussian(random, products * f);
        int[] rowStarts = new int[customers + 1];
        int[] rowProducts = new int[purchases.pairs()];
        int[] columnStarts = new int[products + 1];
        int[] columnCustomers = new int[purchases.pairs()];
        for (int c = 0; c <= customers; c++) {
            rowStarts[c] = c < customers ? purchases.rowStart(c) : purchases.pairs();
        }
        for (int p = 0; p <= products; p++) {
            columnStarts[p] = p < products ? purchases.columnStart(p) : purchases.pairs();
        }
        for (int k = 0; k < purchases.pairs(); k++) {
            rowProducts[k] = purchases.productAt(k);
            columnCustomers[k] = purchases.customerAt(k);
        }
        Side customerSide = new Side(customers, rowStarts, rowProducts, rowExtra);
        Side productSide = new Side(products, columnStarts, columnCustomers, columnExtra);
        for (int iteration = 0; iteration < config.iterations(); iteration++) {
            solve(customerSide, x, y);
            solve(productSide, y, x);
        }
        return block -> {
            float[][] rows = new float[block.length][products];
            for (int c = 0; c < block.length; c++) {
                int u = block[c] * f;
                for (int p = 0; p < products; p++) {
                    rows[c][p] = dot(x, u, y, p * f, f);
                }
            }
            return rows;
        };
    }

    /** One side of the matrix, compressed: row r's cells are positions start[r]..start[r+1]-1 of other and extra. */
    private record Side(int count, int[] start, int[] other, float[] extra) {
    }

    /** Updates every row of {@code own} given the fixed factors {@code fixed} of the other side. */
    private void solve(Side side, float[] own, float[] fixed) {
        int f = config.factors();
        float[] gram = gram(fixed, f);
        for (int d = 0; d < f; d++) {
            gram[d * f + d] += (float) config.regularisation();
        }
        IntStream.range(0, side.count()).parallel().forEach(row -> conjugateGradient(side, row, own, fixed, gram));
    }

    /** A few CG steps on (G + Σ extra_j y_j y_jᵀ) x = Σ (1 + extra_j) y_j from the row's current x. */
    private void conjugateGradient(Side side, int row, float[] own, float[] fixed, float[] gram) {
        int f = config.factors();
        int from = side.start()[row];
        int to = side.start()[row + 1];
        int[] other = side.other();
        float[] extras = side.extra();
        float[] x = new float[f];
        System.arraycopy(own, row * f, x, 0, f);
        float[] r = new float[f];
        multiply(gram, x, r, f);
        for (int d = 0; d < f; d++) {
            r[d] = -r[d];
        }
        for (int k = from; k < to; k++) {
            int j = other[k] * f;
            float extra = extras[k];
            float coefficient = 1 + extra - extra * dot(fixed, j, x, 0, f);
            axpy(coefficient, fixed, j, r, f);
        }
        float[] p = r.clone();
        double rsOld = dot(r, 0, r, 0, f);
        float[] ap = new float[f];
        for (int step = 0; step < CG_STEPS && rsOld > CONVERGED; step++) {
            multiply(gram, p, ap, f);
            for (int k = from; k < to; k++) {
                int j = other[k] * f;
                axpy(extras[k] * dot(fixed, j, p, 0, f), fixed, j, ap, f);
            }
            float a = (float) (rsOld / dot(p, 0, ap, 0, f));
            for (int d = 0; d < f; d++) {
                x[d] += a * p[d];
                r[d] -= a * ap[d];
            }
            double rsNew = dot(r, 0, r, 0, f);
            for (int d = 0; d < f; d++) {
                p[d] = (float) (r[d] + rsNew / rsOld * p[d]);
            }
            rsOld = rsNew;
        }
        System.arraycopy(x, 0, own, row * f, f);
    }

    /** YᵀY of the n x f row-major matrix, summed in double: n is in the thousands. */
    private static float[] gram(float[] y, int f) {
        double[] g = new double[f * f];
        for (int start = 0; start < y.length; start += f) {
            for (int a = 0; a < f; a++) {
                double ya = y[start + a];
                for (int b = a; b < f; b++) {
                    g[a * f + b] += ya * y[start + b];
                }
            }
        }
        float[] gram = new float[f * f];
        for (int a = 0; a < f; a++) {
            for (int b = a; b < f; b++) {
                gram[a * f + b] = (float) g[a * f + b];
                gram[b * f + a] = (float) g[a * f + b];
            }
        }
        return gram;
    }

    private static void multiply(float[] matrix, float[] v, float[] out, int f) {
        for (int a = 0; a < f; a++) {
            out[a] = dot(matrix, a * f, v, 0, f);
        }
    }

    private static float dot(float[] a, int aFrom, float[] b, int bFrom, int n) {
        float sum = 0;
        for (int d = 0; d < n; d++) {
            sum += a[aFrom + d] * b[bFrom + d];
        }
        return sum;
    }

    /** out += scale x a[aFrom..aFrom+f). */
    private static void axpy(float scale, float[] a, int aFrom, float[] out, int f) {
        for (int d = 0; d < f; d++) {
            out[d] += scale * a[aFrom + d];
        }
    }

    private static float[] gaussian(Random random, int size) {
        float[] values = new float[size];
        for (int k = 0; k < size; k++) {
            values[k] = (float) (random.nextGaussian() * INITIAL_SCALE);
        }
        return values;
    }
}
