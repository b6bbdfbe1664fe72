package org.ecom.ml.forecast;

import java.util.Arrays;
import java.util.Random;
import org.ecom.ml.forecast.HoltWintersForm.Seasonality;
import org.ecom.ml.forecast.HoltWintersForm.Trend;

/**
 * A Holt-Winters model with a yearly season fitted to a monthly series: smoothing weights chosen by
 * least squares of the one-step errors, 95 % intervals from simulated futures.
 */
final class HoltWinters {

    static final int PERIOD = 12;

    /** Damping is kept within the usual range: below 0.8 the trend is gone within months. */
    private static final double MIN_PHI = 0.8;
    private static final double MAX_PHI = 0.98;

    private final HoltWintersForm form;
    private final SmoothingParameters parameters;
    private final HoltWintersState end;
    private final double sigma;

    private HoltWinters(HoltWintersForm form, SmoothingParameters parameters, HoltWintersState end, double sigma) {
        this.form = form;
        this.parameters = parameters;
        this.end = end;
        this.sigma = sigma;
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
        double sse = runThrough(state, series);
        int degreesOfFreedom = Math.max(1, series.length - PERIOD - box.dimensions());
        return new HoltWinters(form, parameters, state, Math.sqrt(sse / degreesOfFreedom));
    }

    HoltWintersForm form() {
        return form;
    }

    SmoothingParameters parameters() {
        return parameters;
    }

    /** Standard deviation of the one-step errors after the first season. */
    double sigma() {
        return sigma;
    }

    /**
     * Forecasts for the next {@code horizon} months with 95 % intervals: the 2.5 and 97.5 percentiles
     * of {@code paths} futures, each drawn with normal one-step errors of the fitted sigma fed back
     * through the states (so the spread grows with the horizon as the model implies).
     */
    Forecast[] forecast(int horizon, int paths, long seed) {
        double[] point = new double[horizon];
        HoltWintersState deterministic = end.copy();
        for (int h = 0; h < horizon; h++) {
            point[h] = deterministic.simulate(0);
        }
        double[][] simulated = new double[horizon][paths];
        Random random = new Random(seed);
        for (int path = 0; path < paths; path++) {
            HoltWintersState state = end.copy();
            for (int h = 0; h < horizon; h++) {
                simulated[h][path] = state.simulate(sigma * random.nextGaussian());
            }
        }
        Forecast[] forecasts = new Forecast[horizon];
        for (int h = 0; h < horizon; h++) {
            Arrays.sort(simulated[h]);
            forecasts[h] = new Forecast(point[h], percentile(simulated[h], 0.025), percentile(simulated[h], 0.975));
        }
        return forecasts;
    }

    /** A month's forecast and its 95 % prediction interval. */
    record Forecast(double mean, double lo95, double hi95) {

        boolean covers(double actual) {
            return actual >= lo95 && actual <= hi95;
        }
    }

    private static double percentile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
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
