package org.ecom.ml.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecom.ml.ModelReport;
import org.ecom.ml.data.MonthRevenue;

/**
 * The revenue forecast for the months after the last whole month by the written candidate, the
 * backtest of every candidate beside seasonal naive, and the nested backtest of the selection.
 */
public final class ForecastResult implements ModelReport {

    private final ForecastConfig config;
    private final WholeMonths months;
    private final int firstOrigin;
    private final Backtest written;
    private final Candidate chosen;
    private final List<Backtest> candidates;
    private final NestedSelection nested;
    private final ErrorIntervals intervals;
    private final List<ForecastMonth> forecast;

    ForecastResult(ForecastConfig config, WholeMonths months, int firstOrigin, Backtest written, Candidate chosen,
                   List<Backtest> candidates, NestedSelection nested) {
        this.config = config;
        this.months = months;
        this.firstOrigin = firstOrigin;
        this.written = written;
        this.chosen = chosen;
        this.candidates = List.copyOf(candidates);
        this.nested = nested;
        this.intervals = ErrorIntervals.of(written.points(), config.horizon());
        double[] means = written.candidate().forecast(months.revenue(), config.horizon());
        List<ForecastMonth> list = new ArrayList<>();
        for (int h = 1; h <= means.length; h++) {
            double mean = means[h - 1];
            list.add(new ForecastMonth(months.last().plusMonths(h), mean, intervals.lo95(mean, h), intervals.hi95(mean, h)));
        }
        this.forecast = List.copyOf(list);
    }

    public List<ForecastMonth> forecast() {
        return forecast;
    }

    /** The written candidate. */
    public String model() {
        return written.candidate().name();
    }

    /** Backtest MAPE of the written candidate, in percent. */
    public double mape() {
        return Backtest.mape(quoted(written));
    }

    /** Backtest MAPE of the same-month-last-year forecast on the same months, in percent. */
    public double seasonalNaiveMape() {
        return Backtest.mape(quoted(seasonalNaive()));
    }

    /** Nested-backtest MAPE of the selection procedure: each month scored by a choice that did not see it. */
    public double nestedMape() {
        return nested.mape();
    }

    /** Share of the written candidate's backtest actuals inside the interval its errors known at the origin gave. */
    public double intervalCoverage() {
        return written.intervalCoverage(firstOrigin, config.horizon());
    }

    /** True when the chosen candidate did worse than seasonal naive on the backtest, so seasonal naive is written. */
    public boolean fellBackToSeasonalNaive() {
        return !written.candidate().equals(chosen);
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("candidates", candidates.stream().map(b -> b.candidate().name()).toList());
        map.put("model_selection", "the first candidate within one standard error of the lowest MAPE over every"
                + " backtest forecast of a month before the origin; seasonal naive written instead when the chosen"
                + " candidate's backtest MAPE is higher");
        map.put("drift", "seasonal naive times the last (up to) 12 months' revenue over the same months a year earlier");
        map.put("horizon_months", config.horizon());
        map.put("backtest_origins", config.backtestOrigins());
        map.put("min_training_months", config.minTrainingMonths());
        map.put("min_selection_months", config.minSelectionMonths());
        map.put("interval", "95 %, forecast x exp(+-1.96 s_h), s_h the root mean square of the written candidate's"
                + " backtest log errors log(actual / forecast) h months ahead");
        return map;
    }

    @Override
    public Map<String, Object> metrics() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("model", model());
        map.put("chosen_model", chosen.name());
        map.put("fell_back_to_seasonal_naive", fellBackToSeasonalNaive());
        map.put("training_months", months.revenue().length);
        map.put("first_month", months.first().toString());
        map.put("last_whole_month", months.last().toString());
        map.put("partial_months_set_aside", months.setAside().stream().map(ForecastResult::partialMonth).toList());
        map.put("mape", mape());
        map.put("seasonal_naive_mape", seasonalNaiveMape());
        map.put("nested_selection_mape", nestedMape());
        map.put("interval_coverage", intervalCoverage());
        map.put("nested_selection_interval_coverage", nested.intervalCoverage());
        List<BacktestPoint> quoted = quoted(written);
        map.put("backtest_months", quoted.stream().mapToInt(BacktestPoint::target).distinct().count());
        map.put("backtest_forecasts", quoted.size());
        List<Object> byHorizon = new ArrayList<>();
        for (int h = 1; h <= config.horizon(); h++) {
            byHorizon.add(Map.of("horizon", h, "mape", Backtest.mape(quoted, h),
                    "seasonal_naive_mape", Backtest.mape(quoted(seasonalNaive()), h),
                    "nested_selection_mape", nested.mape(h), "log_error_spread", intervals.spread()[h - 1]));
        }
        map.put("mape_by_horizon", byHorizon);
        map.put("nested_choices", nested.choices().stream()
                .map(c -> Map.of("origin", months.month(c.origin()).toString(), "model", c.candidate().name())).toList());
        map.put("backtest", quoted.stream().map(this::backtestRow).toList());
        map.put("candidates", candidates.stream()
                .map(c -> Map.of("model", c.candidate().name(), "mape", Backtest.mape(quoted(c)),
                        "selection_mape", Backtest.mape(c.points())))
                .toList());
        map.put("forecast", forecast.stream().map(f -> Map.of("month_start", f.monthStart().toString(),
                "forecast", f.forecast(), "lo95", f.lo95(), "hi95", f.hi95())).toList());
        return map;
    }

    private List<BacktestPoint> quoted(Backtest backtest) {
        return backtest.from(firstOrigin);
    }

    private Backtest seasonalNaive() {
        return candidates.get(0);
    }

    private static Map<String, Object> partialMonth(MonthRevenue month) {
        return Map.of("month_start", month.monthStart().toString(), "revenue", month.revenue());
    }

    private Map<String, Object> backtestRow(BacktestPoint point) {
        ErrorIntervals known = ErrorIntervals.of(written.knownAt(point.origin()), config.horizon());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("month_start", months.month(point.target()).toString());
        row.put("horizon", point.horizon());
        row.put("actual", point.actual());
        row.put("forecast", point.forecast());
        row.put("lo95", known.lo95(point.forecast(), point.horizon()));
        row.put("hi95", known.hi95(point.forecast(), point.horizon()));
        return row;
    }
}
