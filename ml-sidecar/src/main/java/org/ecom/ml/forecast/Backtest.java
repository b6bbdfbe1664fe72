package org.ecom.ml.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Rolling-origin backtest of one form: each of the last {@code backtestOrigins} months (keeping at
 * least {@code minTrainingMonths} before it) is an origin; the form is fitted on the months before
 * it and forecasts the origin and the following months up to the horizon, as far as actuals exist.
 * Nothing at or after an origin is seen by its fit.
 */
record Backtest(HoltWintersForm form, List<BacktestPoint> points) {

    static Backtest run(double[] series, HoltWintersForm form, ForecastConfig config) {
        int firstOrigin = firstOrigin(series.length, config);
        List<BacktestPoint> points = new ArrayList<>();
        for (int origin = firstOrigin; origin < series.length; origin++) {
            double[] training = Arrays.copyOf(series, origin);
            HoltWinters model = HoltWinters.fit(training, form);
            int horizon = Math.min(config.horizon(), series.length - origin);
            HoltWinters.Forecast[] forecasts = model.forecast(horizon, config.simulationPaths(), config.seed());
            for (int h = 1; h <= horizon; h++) {
                int target = origin + h - 1;
                points.add(new BacktestPoint(target, h, series[target], forecasts[h - 1], series[target - HoltWinters.PERIOD]));
            }
        }
        return new Backtest(form, List.copyOf(points));
    }

    /** The first origin: backtestOrigins from the end, but never with fewer than minTrainingMonths before it. */
    static int firstOrigin(int months, ForecastConfig config) {
        int first = Math.max(months - config.backtestOrigins(), config.minTrainingMonths());
        if (first >= months) {
            throw new IllegalArgumentException("a backtest needs more than " + config.minTrainingMonths()
                    + " whole months, got " + months);
        }
        return first;
    }

    /** Mean absolute percentage error of the model over all points, in percent. */
    double mape() {
        return meanPercent(points, BacktestPoint::absolutePercentageError);
    }

    double seasonalNaiveMape() {
        return meanPercent(points, BacktestPoint::seasonalNaiveAbsolutePercentageError);
    }

    double mape(int horizon) {
        return meanPercent(atHorizon(horizon), BacktestPoint::absolutePercentageError);
    }

    double seasonalNaiveMape(int horizon) {
        return meanPercent(atHorizon(horizon), BacktestPoint::seasonalNaiveAbsolutePercentageError);
    }

    /** Share of actuals inside their 95 % interval. */
    double intervalCoverage() {
        return points.stream().filter(p -> p.forecast().covers(p.actual())).count() / (double) points.size();
    }

    private List<BacktestPoint> atHorizon(int horizon) {
        Predicate<BacktestPoint> at = p -> p.horizon() == horizon;
        return points.stream().filter(at).toList();
    }

    private static double meanPercent(List<BacktestPoint> points, ToDoubleFunction<BacktestPoint> error) {
        return 100 * points.stream().mapToDouble(error).average().orElse(Double.NaN);
    }
}
