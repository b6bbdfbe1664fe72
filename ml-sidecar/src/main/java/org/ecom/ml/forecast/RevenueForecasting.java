package org.ecom.ml.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.ecom.ml.data.MonthRevenue;

/**
 * Forecasts monthly revenue a few months past the last whole month. Every Holt-Winters form (no,
 * linear or damped trend; additive or multiplicative yearly season) is backtested on rolling
 * origins; the one with the lowest backtest MAPE is refitted on all whole months and forecasts,
 * with 95 % intervals. With two years of data, in-sample fit would favour the most flexible form;
 * the backtest judges each on months it did not see.
 */
public final class RevenueForecasting {

    private RevenueForecasting() {
    }

    public static ForecastResult run(List<MonthRevenue> months, ForecastConfig config) {
        return run(months, config, line -> { });
    }

    public static ForecastResult run(List<MonthRevenue> months, ForecastConfig config, Consumer<String> progress) {
        WholeMonths whole = WholeMonths.of(months);
        List<Backtest> backtests = new ArrayList<>();
        for (HoltWintersForm form : HoltWintersForm.all()) {
            Backtest backtest = Backtest.run(whole.revenue(), form, config);
            backtests.add(backtest);
            progress.accept(String.format("forecast: %s backtest MAPE %.2f %%", form.label(), backtest.mape()));
        }
        // min keeps the first of equals: forms are listed simplest first.
        Backtest chosen = backtests.stream().min(Comparator.comparingDouble(Backtest::mape)).orElseThrow();
        HoltWinters model = HoltWinters.fit(whole.revenue(), chosen.form());
        return new ForecastResult(config, whole, model, model.forecast(config.horizon(), config.simulationPaths(), config.seed()),
                chosen, backtests);
    }
}
