package org.ecom.ml.forecast;

import org.ecom.ml.forecast.HoltWintersForm.Seasonality;

/**
 * The level, trend and seasonal states of a Holt-Winters model while it runs through a series, in
 * the error-correction form with additive errors (Hyndman et al., Forecasting with Exponential
 * Smoothing, 2008): each month is predicted, then every state moves by a share of the error. The
 * same step fits the model (the actual month) and forecasts (error 0).
 */
final class HoltWintersState {

    private final HoltWintersForm form;
    private final SmoothingParameters p;
    private double level;
    private double trend;
    /** season[t % PERIOD]: the latest seasonal state of month t's calendar month. */
    private final double[] season;
    /** Index of the next month. */
    private int t;

    HoltWintersState(HoltWintersForm form, SmoothingParameters p, double level, double trend, double[] season, int t) {
        this.form = form;
        this.p = p;
        this.level = level;
        this.trend = trend;
        this.season = season.clone();
        this.t = t;
    }

    HoltWintersState copy() {
        return new HoltWintersState(form, p, level, trend, season, t);
    }

    /** The one-step prediction of the next month; NaN when the state has left the model's domain. */
    double predict() {
        double base = level + p.phi() * trend;
        double s = season[t % HoltWinters.PERIOD];
        if (form.seasonality() == Seasonality.ADDITIVE) {
            return base + s;
        }
        // A multiplicative season needs a positive base and factor; otherwise the fit is rejected.
        return base > 0 && s > 0 ? base * s : Double.NaN;
    }

    /** Takes in the next month's value and returns the one-step error it made. */
    double observe(double actual) {
        double error = actual - predict();
        advance(error);
        return error;
    }

    /** Moves to the next month as if it were forecast exactly; returns that forecast. */
    double forecastNext() {
        double value = predict();
        advance(0);
        return value;
    }

    private void advance(double error) {
        double base = level + p.phi() * trend;
        int position = t % HoltWinters.PERIOD;
        double s = season[position];
        // Component-form weights in innovation form: trend beta*alpha, season gamma*(1-alpha).
        double trendGain = p.alpha() * p.beta();
        double seasonGain = (1 - p.alpha()) * p.gamma();
        if (form.seasonality() == Seasonality.ADDITIVE) {
            level = base + p.alpha() * error;
            trend = p.phi() * trend + trendGain * error;
            season[position] = s + seasonGain * error;
        } else {
            level = base + p.alpha() * error / s;
            trend = p.phi() * trend + trendGain * error / s;
            season[position] = s + seasonGain * error / base;
        }
        t++;
    }
}
