package org.ecom.ml.forecast;

/**
 * How monthly revenue is forecast. Nothing is random: the same months give the same forecast.
 *
 * @param horizon            months forecast after the last whole month
 * @param backtestOrigins    rolling-origin backtest: the last this many whole months each serve once as
 *                           the first forecast month of a candidate fitted on the months before it
 * @param minTrainingMonths  fewest months before the first origin of that backtest
 * @param minSelectionMonths fewest months a candidate is fitted on when its errors choose among the
 *                           candidates: the selection for a backtest origin reads only earlier origins'
 *                           errors, so these start before the backtest's own origins
 */
public record ForecastConfig(int horizon, int backtestOrigins, int minTrainingMonths, int minSelectionMonths) {

    public ForecastConfig {
        if (horizon < 1 || horizon > HoltWinters.PERIOD) {
            throw new IllegalArgumentException("horizon must be 1.." + HoltWinters.PERIOD + ", got " + horizon);
        }
        if (backtestOrigins < 1) {
            throw new IllegalArgumentException("need at least 1 backtest origin");
        }
        if (minSelectionMonths < HoltWinters.PERIOD + 1) {
            throw new IllegalArgumentException("a seasonal fit needs at least " + (HoltWinters.PERIOD + 1) + " months");
        }
        // The first backtest origin needs errors at every horizon from earlier origins to choose and to size its interval.
        if (minTrainingMonths < minSelectionMonths + horizon) {
            throw new IllegalArgumentException("minTrainingMonths must be at least minSelectionMonths + horizon ("
                    + (minSelectionMonths + horizon) + "), got " + minTrainingMonths);
        }
    }

    public static ForecastConfig defaults() {
        // Up to a year of origins, each fit with at least a season and a half: on the real 24 whole
        // months that is the last 6 months (June to November 2011); the selection's errors start
        // with fits on 13 months (December 2009 to December 2010).
        return new ForecastConfig(3, 12, 18, 13);
    }
}
