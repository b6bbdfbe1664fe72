package org.ecom.ml.forecast;

import org.ecom.ml.forecast.HoltWintersForm.Seasonality;
import org.ecom.ml.forecast.HoltWintersForm.Trend;

/**
 * A Holt-Winters model with a yearly season fitted to a monthly series: smoothing weights chosen by
 * least squares of the one-step errors. Its intervals come from its backtest errors, as every
 * candidate's do ({@link ErrorIntervals}).
 */
final class HoltWinters {

    static final int PERIOD = 12;

    /** Damping is kept within the usual range: below 0.8 the trend is gone within months. */
    private static final double MIN_PHI = 0.8;
    private static final double MAX_PHI = 0.98;

    private final HoltWintersState end;

    private HoltWinters(HoltWintersState end) {
        this.end = end;
    }

    /**
     * Fits a form to a series of at least PERIOD + 1 months. The errors of the first season are left
     * out of the sum of squares: the initial season is read off those months, so they fit by
     * construction and would understate the error.
     */
    static HoltWinters fit(double[] series, HoltWintersForm form) {
        if (series.length < PERIOD + 1) {
            throw new IllegalArgumentException("need at least " + (PERIOD + 1) + " months, got " + series.length);
        }
        BoxSearch.Box box = searchBox(form);
        double[] best = BoxSearch.minimise(x -> sumOfSquares(series, form, parameters(form, x)), box);
        SmoothingParameters parameters = parameters(form, best);
        HoltWintersState state = initialState(series, form, parameters);
        runThrough(state, series);
        return new HoltWinters(state);
    }

    /** Point forecasts for the next {@code horizon} months: the states run on with no error. */
    double[] forecast(int horizon) {
        double[] point = new double[horizon];
        HoltWintersState state = end.copy();
        for (int h = 0; h < horizon; h++) {
            point[h] = state.forecastNext();
        }
        return point;
    }

    /** Sum of squared one-step errors after the first season; infinite where the model breaks down. */
    private static double sumOfSquares(double[] series, HoltWintersForm form, SmoothingParameters parameters) {
        double sse = runThrough(initialState(series, form, parameters), series);
        return Double.isNaN(sse) ? Double.POSITIVE_INFINITY : sse;
    }

    /** Feeds the series through the state and returns the sum of squared errors after the first season. */
    private static double runThrough(HoltWintersState state, double[] series) {
        double sse = 0;
        for (int t = 0; t < series.length; t++) {
            double error = state.observe(series[t]);
            if (t >= PERIOD) {
                sse += error * error;
            }
        }
        return sse;
    }

    /**
     * Classical starting states: the trend from the average year-on-year change of the months that
     * have a year before them, the level as the first year's mean taken back to the month before the
     * series, and each calendar month's season as its first-year deviation from that line.
     */
    private static HoltWintersState initialState(double[] series, HoltWintersForm form, SmoothingParameters parameters) {
        double firstYearMean = 0;
        for (int j = 0; j < PERIOD; j++) {
            firstYearMean += series[j] / PERIOD;
        }
        double trend = 0;
        if (form.trend() != Trend.NONE) {
            int pairs = Math.min(PERIOD, series.length - PERIOD);
            for (int j = 0; j < pairs; j++) {
                trend += (series[PERIOD + j] - series[j]) / PERIOD / pairs;
            }
        }
        double level = firstYearMean - (PERIOD + 1) / 2.0 * trend;
        double[] season = new double[PERIOD];
        for (int j = 0; j < PERIOD; j++) {
            double line = level + (j + 1) * trend;
            season[j] = form.seasonality() == Seasonality.ADDITIVE ? series[j] - line : series[j] / line;
        }
        return new HoltWintersState(form, parameters, level, trend, season, 0);
    }

    /** The searched weights: alpha and gamma always, beta with a trend, phi with a damped one. */
    private static BoxSearch.Box searchBox(HoltWintersForm form) {
        return switch (form.trend()) {
            case NONE -> new BoxSearch.Box(new double[] {0, 0}, new double[] {1, 1});
            case LINEAR -> new BoxSearch.Box(new double[] {0, 0, 0}, new double[] {1, 1, 1});
            case DAMPED -> new BoxSearch.Box(new double[] {0, 0, 0, MIN_PHI}, new double[] {1, 1, 1, MAX_PHI});
        };
    }

    private static SmoothingParameters parameters(HoltWintersForm form, double[] x) {
        return switch (form.trend()) {
            case NONE -> new SmoothingParameters(x[0], 0, x[1], 1);
            case LINEAR -> new SmoothingParameters(x[0], x[1], x[2], 1);
            case DAMPED -> new SmoothingParameters(x[0], x[1], x[2], x[3]);
        };
    }
}
