package org.ecom.ml.repurchase;

/**
 * Settings of the repurchase model.
 *
 * @param horizonDays  the label window: a customer repurchases when they buy within this many days after a cutoff
 * @param folds        cross-validation folds on the training window
 * @param seed         seeds the folds and every trainer
 * @param parallelFits cross-validation folds fitted at once, each on one thread. XGBoost itself runs
 *                     single-threaded: with two OpenMP threads it waits by spinning, and on two cores
 *                     shared with other work its fits ran ten times slower
 */
public record RepurchaseConfig(int horizonDays, int folds, long seed, int parallelFits) {

    public RepurchaseConfig {
        if (horizonDays < 1 || folds < 2 || parallelFits < 1) {
            throw new IllegalArgumentException("horizonDays and parallelFits must be positive and folds at least 2");
        }
    }

    /** A 90-day horizon, 10 folds, two fitted at once (the sidecar has two cores). */
    public static RepurchaseConfig defaults(long seed) {
        return new RepurchaseConfig(90, 10, seed, 2);
    }
}
