package org.ecom.ml.recommend;

import java.util.Random;
import java.util.function.IntUnaryOperator;
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
 * f x f matrix-vector products, a few lines each. Deterministic: the initial factors come from the
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
        double[] rowExtra = new double[purchases.pairs()];
        double[] columnExtra = new double[purchases.pairs()];
        int[] columnFill = new int[products];
        for (int p = 0; p < products; p++) {
            columnFill[p] = purchases.columnStart(p);
        }
        for (int c = 0; c < customers; c++) {
            for (int k = purchases.rowStart(c); k < purchases.rowEnd(c); k++) {
                rowExtra[k] = config.alpha() * recency.weight(purchases.lastDay() - purchases.lastDayAt(k));
                columnExtra[columnFill[purchases.productAt(k)]++] = rowExtra[k]; // customers ascend in both
            }
        }
        Random random = new Random(seed);
        double[] x = gaussian(random, customers * f);
        double[] y = gaussian(random, products * f);
        Side customerSide = new Side(customers, purchases::rowStart, purchases::rowEnd, purchases::productAt, rowExtra);
        Side productSide = new Side(products, purchases::columnStart, purchases::columnEnd, purchases::customerAt,
                columnExtra);
        for (int iteration = 0; iteration < config.iterations(); iteration++) {
            solve(customerSide, x, y);
            solve(productSide, y, x);
        }
        return block -> {
            float[][] rows = new float[block.length][products];
            for (int c = 0; c < block.length; c++) {
                int u = block[c] * f;
                for (int p = 0; p < products; p++) {
                    rows[c][p] = (float) dot(x, u, y, p * f, f);
                }
            }
            return rows;
        };
    }

    /** One side of the matrix: for each of {@code count} rows, positions start..end-1 of {@code other} and {@code extra}. */
    private record Side(int count, IntUnaryOperator start, IntUnaryOperator end,
                        IntUnaryOperator other, double[] extra) {
    }

    /** Updates every row of {@code own} given the fixed factors {@code fixed} of the other side. */
    private void solve(Side side, double[] own, double[] fixed) {
        int f = config.factors();
        double[] gram = gram(fixed, f);
        for (int d = 0; d < f; d++) {
            gram[d * f + d] += config.regularisation();
        }
        IntStream.range(0, side.count()).parallel().forEach(row -> conjugateGradient(side, row, own, fixed, gram));
    }

    /** A few CG steps on (G + Σ extra_j y_j y_jᵀ) x = Σ (1 + extra_j) y_j from the row's current x. */
    private void conjugateGradient(Side side, int row, double[] own, double[] fixed, double[] gram) {
        int f = config.factors();
        int from = side.start().applyAsInt(row);
        int to = side.end().applyAsInt(row);
        double[] x = new double[f];
        System.arraycopy(own, row * f, x, 0, f);
        double[] r = new double[f];
        multiply(gram, x, r, f);
        for (int d = 0; d < f; d++) {
            r[d] = -r[d];
        }
        for (int k = from; k < to; k++) {
            int j = side.other().applyAsInt(k) * f;
            double extra = side.extra()[k];
            double coefficient = 1 + extra - extra * dot(fixed, j, x, 0, f);
            axpy(coefficient, fixed, j, r, f);
        }
        double[] p = r.clone();
        double rsOld = dot(r, 0, r, 0, f);
        double[] ap = new double[f];
        for (int step = 0; step < CG_STEPS && rsOld > CONVERGED; step++) {
            multiply(gram, p, ap, f);
            for (int k = from; k < to; k++) {
                int j = side.other().applyAsInt(k) * f;
                axpy(side.extra()[k] * dot(fixed, j, p, 0, f), fixed, j, ap, f);
            }
            double a = rsOld / dot(p, 0, ap, 0, f);
            for (int d = 0; d < f; d++) {
                x[d] += a * p[d];
                r[d] -= a * ap[d];
            }
            double rsNew = dot(r, 0, r, 0, f);
            for (int d = 0; d < f; d++) {
                p[d] = r[d] + rsNew / rsOld * p[d];
            }
            rsOld = rsNew;
        }
        System.arraycopy(x, 0, own, row * f, f);
    }

    /** YᵀY of the n x f row-major matrix. */
    private static double[] gram(double[] y, int f) {
        double[] g = new double[f * f];
        for (int start = 0; start < y.length; start += f) {
            for (int a = 0; a < f; a++) {
                double ya = y[start + a];
                for (int b = a; b < f; b++) {
                    g[a * f + b] += ya * y[start + b];
                }
            }
        }
        for (int a = 0; a < f; a++) {
            for (int b = 0; b < a; b++) {
                g[a * f + b] = g[b * f + a];
            }
        }
        return g;
    }

    private static void multiply(double[] matrix, double[] v, double[] out, int f) {
        for (int a = 0; a < f; a++) {
            out[a] = dot(matrix, a * f, v, 0, f);
        }
    }

    private static double dot(double[] a, int aFrom, double[] b, int bFrom, int n) {
        double sum = 0;
        for (int d = 0; d < n; d++) {
            sum += a[aFrom + d] * b[bFrom + d];
        }
        return sum;
    }

    /** out += scale x a[aFrom..aFrom+f). */
    private static void axpy(double scale, double[] a, int aFrom, double[] out, int f) {
        for (int d = 0; d < f; d++) {
            out[d] += scale * a[aFrom + d];
        }
    }

    private static double[] gaussian(Random random, int size) {
        double[] values = new double[size];
        for (int k = 0; k < size; k++) {
            values[k] = random.nextGaussian() * INITIAL_SCALE;
        }
        return values;
    }
}
