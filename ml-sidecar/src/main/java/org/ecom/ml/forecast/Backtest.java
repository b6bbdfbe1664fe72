package org.ecom.ml.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rolling-origin backtest of one candidate: every month from {@code minSelectionMonths} on (and from
 * the candidate's own minimum) is an origin; the candidate forecasts from the months before it the
 * origin and the following months up to the horizon, as far as actuals exist. Nothing at or after
 * an origin reaches its forecast. The backtest the figures quote is the part from {@link #firstOrigin}
 * on; the earlier origins exist so that a selection for that part has errors to read.
 */
record Backtest(Candidate candidate, List<BacktestPoint> points) {

    static Backtest run(double[] series, Candidate candidate, ForecastConfig config) {
        List<BacktestPoint> points = new ArrayList<>();
        for (int origin = Math.max(config.minSelectionMonths(), candidate.minHistory()); origin < series.length; origin++) {
            int horizon = Math.min(config.horizon(), series.length - origin);
            double[] forecast = candidate.forecast(Arrays.copyOf(series, origin), horizon);
            for (int h = 1; h <= horizon; h++) {
                points.add(new BacktestPoint(origin, h, series[origin + h - 1], forecast[h - 1]));
            }
        }
        return new Backtest(candidate, List.copyOf(points));
    }

    /** The first origin the figures quote: backtestOrigins from the end, never with fewer than minTrainingMonths before it. */
    static int firstOrigin(int months, ForecastConfig config) {
        int first = Math.max(months - config.backtestOrigins(), config.minTrainingMonths());
        if (first >= months) {
            throw new IllegalArgumentException("a backtest needs more than " + config.minTrainingMonths()
                    + " whole months, got " + months);
        }
        return first;
    }

    /** The points whose month was known at {@code origin}: all a choice made there may read. */
    List<BacktestPoint> knownAt(int origin) {
        return points.stream().filter(p -> p.target() < origin).toList();
    }

    /** The points forecast from {@code origin} on. */
    List<BacktestPoint> from(int origin) {
        return points.stream().filter(p -> p.origin() >= origin).toList();
    }

    List<BacktestPoint> at(int origin) {
        return points.stream().filter(p -> p.origin() == origin).toList();
    }

    /**
     * Share of the points from {@code firstOrigin} on inside the 95 % interval sized, for each, by
     * this candidate's errors known at its origin: the coverage a reader of the intervals would have seen.
     */
    double intervalCoverage(int firstOrigin, int horizon) {
        List<BacktestPoint> scored = from(firstOrigin);
        return scored.stream().filter(p -> ErrorIntervals.of(knownAt(p.origin()), horizon).covers(p)).count()
                / (double) scored.size();
    }

    /** Mean absolute percentage error of the points, in percent. */
    static double mape(List<BacktestPoint> points) {
        return 100 * points.stream().mapToDouble(BacktestPoint::absolutePercentageError).average().orElse(Double.NaN);
    }

    static double mape(List<BacktestPoint> points, int horizon) {
        return mape(points.stream().filter(p -> p.horizon() == horizon).toList());
    }
}
