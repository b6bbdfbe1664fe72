package org.ecom.ml.forecast;

/**
 * One backtest forecast: month {@code target} (index into the whole months) forecast {@code horizon}
 * months ahead by a model fitted on the months before the origin, beside the seasonal-naive
 * forecast (the same month a year earlier).
 */
record BacktestPoint(int target, int horizon, double actual, HoltWinters.Forecast forecast, double seasonalNaive) {

    double absolutePercentageError() {
        return Math.abs(actual - forecast.mean()) / Math.abs(actual);
    }

    double seasonalNaiveAbsolutePercentageError() {
        return Math.abs(actual - seasonalNaive) / Math.abs(actual);
    }
}
