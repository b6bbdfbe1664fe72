package org.ecom.ml.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecom.ml.ModelReport;
import org.ecom.ml.data.MonthRevenue;

/**
 * The revenue forecast for the months after the last whole month, the chosen Holt-Winters form and
 * its rolling-origin backtest beside the seasonal-naive baseline.
 */
public final class ForecastResult implements ModelReport {

    private final ForecastConfig config;
    private final WholeMonths months;
    private final HoltWinters model;
    private final List<ForecastMonth> forecast;
    private final Backtest backtest;
    private final List<Backtest> candidates;

    ForecastResult(ForecastConfig config, WholeMonths months, HoltWinters model, HoltWinters.Forecast[] forecasts,
                   Backtest backtest, List<Backtest> candidates) {
        this.config = config;
        this.months = months;
        this.model = model;
        List<ForecastMonth> list = new ArrayList<>();
        for (int h = 0; h < forecasts.length; h++) {
            HoltWinters.Forecast f = forecasts[h];
            list.add(new ForecastMonth(months.last().plusMonths(h + 1L), f.mean(), f.lo95(), f.hi95()));
        }
        this.forecast = List.copyOf(list);
        this.backtest = backtest;
        this.candidates = List.copyOf(candidates);
    }

    public List<ForecastMonth> forecast() {
        return forecast;
    }

    /** Backtest MAPE of the chosen form, in percent. */
    public double mape() {
        return backtest.mape();
    }

    /** Backtest MAPE of the same-month-last-year forecast on the same months, in percent. */
    public double seasonalNaiveMape() {
        return backtest.seasonalNaiveMape();
    }

    /** Share of backtest actuals inside their 95 % interval. */
    public double intervalCoverage() {
        return backtest.intervalCoverage();
    }

    public String model() {
        return model.form().label();
    }

    public SmoothingParameters smoothing() {
        return model.parameters();
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("algorithm", "Holt-Winters (ETS with additive errors), period 12, weights by least squares");
        map.put("model_selection", "lowest rolling-origin backtest MAPE over " + candidates.size() + " forms");
        map.put("seed", config.seed());
        map.put("horizon_months", config.horizon());
        map.put("backtest_origins", config.backtestOrigins());
        map.put("min_training_months", config.minTrainingMonths());
        map.put("interval", "95 %, percentiles of simulated paths with normal errors of the residual sd");
        map.put("simulation_paths", config.simulationPaths());
        return map;
    }

    @Override
    public Map<String, Object> metrics() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("model", model());
        SmoothingParameters p = model.parameters();
        map.put("alpha", p.alpha());
        map.put("beta", p.beta());
        map.put("gamma", p.gamma());
        map.put("phi", p.phi());
        map.put("residual_sd", model.sigma());
        map.put("training_months", months.revenue().length);
        map.put("first_month", months.first().toString());
        map.put("last_whole_month", months.last().toString());
        map.put("partial_months_set_aside", months.setAside().stream().map(ForecastResult::partialMonth).toList());
        map.put("mape", mape());
        map.put("seasonal_naive_mape", seasonalNaiveMape());
        map.put("interval_coverage", intervalCoverage());
        map.put("backtest_months", backtest.points().stream().mapToInt(BacktestPoint::target).distinct().count());
        map.put("backtest_forecasts", backtest.points().size());
        List<Object> byHorizon = new ArrayList<>();
        for (int h = 1; h <= config.horizon(); h++) {
            byHorizon.add(Map.of("horizon", h, "mape", backtest.mape(h), "seasonal_naive_mape", backtest.seasonalNaiveMape(h)));
        }
        map.put("mape_by_horizon", byHorizon);
        map.put("backtest", backtest.points().stream().map(this::backtestRow).toList());
        map.put("candidates", candidates.stream()
                .map(c -> Map.of("model", c.form().label(), "mape", c.mape(), "interval_coverage", c.intervalCoverage()))
                .toList());
        map.put("forecast", forecast.stream().map(f -> Map.of("month_start", f.monthStart().toString(),
                "forecast", f.forecast(), "lo95", f.lo95(), "hi95", f.hi95())).toList());
        return map;
    }

    private static Map<String, Object> partialMonth(MonthRevenue month) {
        return Map.of("month_start", month.monthStart().toString(), "revenue", month.revenue());
    }

    private Map<String, Object> backtestRow(BacktestPoint point) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("month_start", months.month(point.target()).toString());
        row.put("horizon", point.horizon());
        row.put("actual", point.actual());
        row.put("forecast", point.forecast().mean());
        row.put("lo95", point.forecast().lo95());
        row.put("hi95", point.forecast().hi95());
        row.put("seasonal_naive", point.seasonalNaive());
        return row;
    }
}
