package org.ecom.ml.forecast;

/**
 * How monthly revenue is forecast.
 *
 * @param seed              seeds the simulated future paths the prediction intervals are read from
 * @param horizon           months forecast after the last whole month
 * @param backtestOrigins   rolling-origin backtest: the last this many whole months each serve once as
 *                          the first forecast month of a model fitted on the months before it
 * @param minTrainingMonths fewest months a backtest fit may use; a yearly seasonal model needs one
 *                          whole season plus at least one month to learn from
 * @param simulationPaths   simulated paths per forecast for the 95 % intervals
 */
public record ForecastConfig(long seed, int horizon, int backtestOrigins, int minTrainingMonths, int simulationPaths) {

    public ForecastConfig {
        if (horizon < 1 || horizon > HoltWinters.PERIOD) {
            throw new IllegalArgumentException("horizon must be 1.." + HoltWinters.PERIOD + ", got " + horizon);
        }
        if (backtestOrigins < 1 || simulationPaths < 100) {
            throw new IllegalArgumentException("need at least 1 backtest origin and 100 simulation paths");
        }
        if (minTrainingMonths < HoltWinters.PERIOD + 1) {
            throw new IllegalArgumentException("a seasonal fit needs at least " + (HoltWinters.PERIOD + 1) + " months");
        }
    }

    public static ForecastConfig defaults(long seed) {
        // Up to a year of origins, each fit with at least a season and a half: on the real 24 whole
        // months that is the last 6 months (June to November 2011).
        return new ForecastConfig(seed, 3, 12, 18, 5_000);
    }
}
