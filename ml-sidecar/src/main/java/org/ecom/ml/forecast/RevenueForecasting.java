package org.ecom.ml.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ecom.ml.data.MonthRevenue;

/**
 * Forecasts monthly revenue a few months past the last whole month. Every candidate (seasonal
 * naive, its drift-adjusted form, the Holt-Winters forms, means of these) is backtested on rolling
 * origins; the selection procedure (the simplest candidate within one standard error of the lowest
 * MAPE on the errors known so far) is itself backtested, nested; the candidate it chooses on all
 * the months forecasts, with 95 % intervals from its own backtest errors. With two years of data, in-sample fit would favour the most flexible model; the
 * backtest judges each on months it did not see.
 *
 * <p>The written forecast never does worse than seasonal naive on the quoted backtest: when the
 * chosen candidate would, seasonal naive is written and the metrics say so.
 */
public final class RevenueForecasting {

    private RevenueForecasting() {
    }

    public static ForecastResult run(List<MonthRevenue> months, ForecastConfig config) {
        return run(months, config, line -> { });
    }

    public static ForecastResult run(List<MonthRevenue> months, ForecastConfig config, Consumer<String> progress) {
        return run(months, config, Candidate.standard(), progress);
    }

    /** The first candidate is the fallback the written forecast never does worse than. */
    static ForecastResult run(List<MonthRevenue> months, ForecastConfig config, List<Candidate> candidates, Consumer<String> progress) {
        WholeMonths whole = WholeMonths.of(months);
        double[] series = whole.revenue();
        int firstOrigin = Backtest.firstOrigin(series.length, config);
        List<Backtest> backtests = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Backtest backtest = Backtest.run(series, candidate, config);
            backtests.add(backtest);
            progress.accept(String.format("forecast: %s backtest MAPE %.2f %%", candidate.name(),
                    Backtest.mape(backtest.from(firstOrigin))));
        }
        NestedSelection nested = NestedSelection.run(backtests, firstOrigin, series.length, config.horizon());
        Backtest chosen = NestedSelection.choose(backtests, series.length);
        Backtest fallback = backtests.get(0);
        boolean fellBack = Backtest.mape(chosen.from(firstOrigin)) > Backtest.mape(fallback.from(firstOrigin));
        Backtest written = fellBack ? fallback : chosen;
        progress.accept(String.format("forecast: chosen %s, written %s; nested-selection MAPE %.2f %%",
                chosen.candidate().name(), written.candidate().name(), nested.mape()));
        return new ForecastResult(config, whole, firstOrigin, written, chosen.candidate(), backtests, nested);
    }
}
