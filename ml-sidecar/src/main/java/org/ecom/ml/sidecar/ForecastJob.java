package org.ecom.ml.sidecar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ecom.ml.ModelKind;
import org.ecom.ml.forecast.ForecastConfig;
import org.ecom.ml.forecast.ForecastResult;
import org.ecom.ml.forecast.RevenueForecasting;
import org.jdbi.v3.core.Handle;

/** The revenue forecast in the sidecar: the candidate chosen by backtest on monthly revenue, written to ml.revenue_forecast. */
public record ForecastJob(ForecastConfig config) implements ModelJob<ForecastResult> {

    public ModelKind kind() {
        return ModelKind.FORECAST;
    }

    public String fingerprint(TrainingInputs inputs) {
        return Fingerprint.of(inputs.months());
    }

    public ForecastResult train(TrainingInputs inputs, Consumer<String> progress) {
        return RevenueForecasting.run(inputs.months(), config, progress);
    }

    public void write(ForecastResult result, long runId, Handle handle) throws SQLException {
        RowInserter.insert(handle.getConnection(), "ml.revenue_forecast", List.of("run_id", "month_start", "forecast", "lo95", "hi95"),
                result.forecast().stream()
                        .map(m -> new Object[] {runId, m.monthStart(), money(m.forecast()), money(m.lo95()), money(m.hi95())})
                        .toList());
    }

    /** Rounded as the column stores it, so the interval check holds on the stored values too. */
    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    public Map<String, Object> headline(ForecastResult result) {
        return Map.of("forecast_mape", result.mape(), "seasonal_naive_mape", result.seasonalNaiveMape(),
                "forecast_nested_mape", result.nestedMape(), "forecast_interval_coverage", result.intervalCoverage());
    }
}
