package org.ecom.ml.forecast;

/**
 * One backtest forecast: a candidate fitted on the whole months before index {@code origin}
 * forecast month {@code origin + horizon - 1}.
 */
record BacktestPoint(int origin, int horizon, double actual, double forecast) {

    int target() {
        return origin + horizon - 1;
    }

    /** |actual - forecast| / actual; infinite for a forecast that is not a positive revenue. */
    double absolutePercentageError() {
        return forecast > 0 ? Math.abs(actual - forecast) / Math.abs(actual) : Double.POSITIVE_INFINITY;
    }

    /** log(actual / forecast): the error the intervals are read from. */
    double logError() {
        return Math.log(actual / forecast);
    }
}
