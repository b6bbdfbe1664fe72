package org.ecom.ml.sidecar;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.ecom.ml.ModelKind;
import org.ecom.ml.ModelReport;
import org.jdbi.v3.core.Handle;

/**
 * A forecast job whose output is given, for testing what the sidecar does around a model: it can
 * fail halfway through its write, or hold its training until released.
 */
final class ScriptedForecastJob implements ModelJob<ScriptedForecastJob.Result> {

    record Result(double level) implements ModelReport {
        public Map<String, Object> parameters() {
            return Map.of("level", level);
        }

        public Map<String, Object> metrics() {
            return Map.of("mape", 1.5);
        }
    }

    private final double level;
    private final boolean failHalfwayThroughWrite;
    private final CountDownLatch trainingStarted = new CountDownLatch(1);
    private final CountDownLatch releaseTraining;

    ScriptedForecastJob(double level, boolean failHalfwayThroughWrite, CountDownLatch releaseTraining) {
        this.level = level;
        this.failHalfwayThroughWrite = failHalfwayThroughWrite;
        this.releaseTraining = releaseTraining;
    }

    static ScriptedForecastJob writing(double level) {
        return new ScriptedForecastJob(level, false, new CountDownLatch(0));
    }

    CountDownLatch trainingStarted() {
        return trainingStarted;
    }

    public ModelKind kind() {
        return ModelKind.FORECAST;
    }

    public String fingerprint(TrainingInputs inputs) {
        return Fingerprint.of(inputs.months());
    }

    public Result train(TrainingInputs inputs, Consumer<String> progress) throws InterruptedException {
        trainingStarted.countDown();
        releaseTraining.await();
        return new Result(level);
    }

    public void write(Result result, long runId, Handle handle) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (int month = 1; month <= 3; month++) {
            rows.add(new Object[] {runId, LocalDate.of(2012, month, 1), result.level(), result.level() - 1, result.level() + 1});
        }
        RowInserter.insert(handle.getConnection(), "ml.revenue_forecast", List.of("run_id", "month_start", "forecast", "lo95", "hi95"),
                rows.subList(0, failHalfwayThroughWrite ? 2 : 3));
        if (failHalfwayThroughWrite) {
            throw new SQLException("injected failure after two of three rows");
        }
    }

    public Map<String, Object> headline(Result result) {
        return Map.of("forecast_mape", 1.5);
    }
}
