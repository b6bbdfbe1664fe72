package org.ecom.ml.forecast;

import java.util.List;

/**
 * 95 % intervals from a candidate's own backtest errors: a normal on the log errors
 * log(actual / forecast), one spread per horizon, centred on the forecast (a backtest of a few
 * months cannot tell a bias from chance). Log errors, because revenue errors scale with revenue and
 * an interval must not reach below zero; one spread per horizon, because errors grow with it. With
 * a handful of errors per horizon, empirical 2.5 % and 97.5 % quantiles would be the minimum and
 * maximum, so a normal it is.
 *
 * @param spread root mean square of the log errors at horizon h, index h - 1
 */
record ErrorIntervals(double[] spread) {

    /** The standard normal's 97.5 % quantile. */
    private static final double Z_975 = 1.959964;

    static ErrorIntervals of(List<BacktestPoint> errors, int horizon) {
        double[] spread = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            int at = h;
            spread[h - 1] = Math.sqrt(errors.stream().filter(p -> p.horizon() == at)
                    .mapToDouble(p -> p.logError() * p.logError()).average()
                    .orElseThrow(() -> new IllegalArgumentException("no backtest errors " + at + " months ahead")));
        }
        return new ErrorIntervals(spread);
    }

    double lo95(double forecast, int horizon) {
        return forecast * Math.exp(-Z_975 * spread[horizon - 1]);
    }

    double hi95(double forecast, int horizon) {
        return forecast * Math.exp(Z_975 * spread[horizon - 1]);
    }

    boolean covers(BacktestPoint point) {
        return point.actual() >= lo95(point.forecast(), point.horizon()) && point.actual() <= hi95(point.forecast(), point.horizon());
    }
}
