package org.ecom.ml.repurchase;

import java.util.List;

/**
 * Settings of the repurchase model.
 *
 * @param horizonDays     the label window: a customer repurchases when they buy within this many days after a cutoff
 * @param testOffsetsDays the rolling origins: test cutoffs this many days before the as-of date, each at
 *                        least one horizon back so its labels are known
 * @param stackedWindows  training rows of a model come from this many cutoffs, stacked
 * @param stackStepDays   days between the stacked cutoffs
 * @param seed            seeds every trainer
 * @param parallelFits    blends fitted at once, each on one thread. XGBoost itself runs single-threaded:
 *                        with two OpenMP threads it waits by spinning, and on two cores shared with
 *                        other work its fits ran ten times slower
 */
public record RepurchaseConfig(int horizonDays, List<Integer> testOffsetsDays, int stackedWindows, int stackStepDays,
                               long seed, int parallelFits) {

    public RepurchaseConfig {
        testOffsetsDays = List.copyOf(testOffsetsDays);
        if (horizonDays < 1 || stackedWindows < 1 || stackStepDays < 1 || parallelFits < 1 || testOffsetsDays.isEmpty()) {
            throw new IllegalArgumentException("horizonDays, stackedWindows, stackStepDays and parallelFits must be positive,"
                    + " and there must be a test offset");
        }
        if (testOffsetsDays.stream().anyMatch(offset -> offset < horizonDays)) {
            throw new IllegalArgumentException("every test offset must be at least the horizon (" + horizonDays
                    + " days) before the as-of date: " + testOffsetsDays);
        }
    }

    /**
     * A 90-day horizon tested at as-of minus 90, 120, 150 and 180 days; each model learns from four
     * cutoffs 30 days apart; two blends fitted at once (the sidecar has two cores).
     */
    public static RepurchaseConfig defaults(long seed) {
        return new RepurchaseConfig(90, List.of(90, 120, 150, 180), 4, 30, seed, 2);
    }
}
