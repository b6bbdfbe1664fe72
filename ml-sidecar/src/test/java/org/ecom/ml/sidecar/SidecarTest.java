package org.ecom.ml.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.ecom.ml.ModelKind;
import org.junit.jupiter.api.Test;

/** What the sidecar guarantees around any model: atomic write-back, one sidecar at a time, clean stops. */
@DatabaseTest
class SidecarTest {

    private static final SidecarSettings FORECAST_ONLY =
            new SidecarSettings(List.of(ModelKind.FORECAST), 3, Duration.ZERO, 2, Duration.ofMillis(10), Optional.empty());

    private static List<String> rows(DatabaseTarget target, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = target.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static SidecarReport runOnce(DatabaseTarget target, ScriptedForecastJob job) throws Exception {
        return new Sidecar(target, FORECAST_ONLY, List.of(job), line -> { }).runOnce();
    }

    /** Issue 17, case 7: a run whose sidecar was killed mid-training is marked failed by the next pass. */
    @Test
    void aRunLeftRunningByAKilledSidecarIsMarkedFailedByTheNextPass() throws Exception {
        DatabaseTarget target = GeneratedWarehouse.withoutRuns();
        target.jdbi().useHandle(handle -> handle.execute("INSERT INTO ml.model_run (model_kind, status, as_of_date, started_at,"
                + " input_fingerprint) VALUES ('forecast', 'running', DATE '2011-12-09', TIMESTAMP '2011-12-10 03:00:00', 'x')"));

        assertTrue(runOnce(target, ScriptedForecastJob.writing(100)).allSucceeded());

        assertEquals(List.of("failed|abandoned: the sidecar running it was killed or crashed; marked at the next pass",
                "succeeded|null"), rows(target, "SELECT status, error_message FROM ml.model_run ORDER BY run_id"));
    }

    @Test
    void aRunFailingHalfwayThroughItsWriteLeavesThePreviousScoresCurrent() throws Exception {
        DatabaseTarget target = GeneratedWarehouse.withoutRuns();
        SidecarReport good = runOnce(target, ScriptedForecastJob.writing(100));
        assertTrue(good.allSucceeded());

        SidecarReport bad = runOnce(target, new ScriptedForecastJob(200, true, new CountDownLatch(0)));

        assertFalse(bad.allSucceeded());
        assertTrue(bad.models().get(0).error().contains("injected failure"), bad.models().get(0).error());
        assertEquals(List.of("100.00", "100.00", "100.00"), rows(target, "SELECT forecast FROM ml.current_revenue_forecast"));
        assertEquals(List.of(), rows(target, "SELECT * FROM ml.revenue_forecast WHERE forecast = 200"));
        long failedRun = bad.models().get(0).runId();
        List<String> failed = rows(target, "SELECT status, error_message FROM ml.model_run WHERE run_id = " + failedRun);
        assertTrue(failed.get(0).startsWith("failed|SQLException: injected failure"), failed.toString());
    }

    @Test
    void aSucceededRunRecordsItsReportAndFingerprint() throws Exception {
        DatabaseTarget target = GeneratedWarehouse.withoutRuns();
        SidecarReport report = runOnce(target, ScriptedForecastJob.writing(100));

        long run = report.models().get(0).runId();
        List<String> recorded = rows(target, "SELECT model_kind, status, as_of_date, parameters_json, metrics_json,"
                + " LENGTH(input_fingerprint) FROM ml.model_run WHERE run_id = " + run);
        assertEquals(List.of("forecast|succeeded|" + report.asOfDate() + "|{\"level\":100.0}|{\"mape\":1.5}|64"), recorded);
        assertEquals(List.of(run + "|forecast|mape|1.5"),
                rows(target, "SELECT run_id, model_kind, metric_name, metric_value FROM ml.run_metric"));
        assertEquals(1.5, report.headline().get("forecast_mape"));
    }

    @Test
    void oldRunsArePrunedToTheConfiguredNumber() throws Exception {
        DatabaseTarget target = GeneratedWarehouse.withoutRuns();
        for (int i = 0; i < 5; i++) {
            runOnce(target, ScriptedForecastJob.writing(100 + i));
        }
        assertEquals(List.of("3|3"), rows(target, "SELECT COUNT(*), COUNT(DISTINCT run_id) FROM ml.model_run"));
        assertEquals(List.of("104.00"), rows(target, "SELECT DISTINCT forecast FROM ml.current_revenue_forecast"));
    }

    @Test
    void aSecondSidecarOnTheSameDatabaseIsTurnedAway() throws Exception {
        DatabaseTarget target = GeneratedWarehouse.withoutRuns();
        try (SidecarLock held = SidecarLock.acquire(target, Duration.ZERO)) {
            SidecarBusyException busy = assertThrows(SidecarBusyException.class,
                    () -> runOnce(target, ScriptedForecastJob.writing(100)));
            assertTrue(busy.getMessage().contains("another sidecar is running"), busy.getMessage());
        }
        assertTrue(runOnce(target, ScriptedForecastJob.writing(100)).allSucceeded());
    }

    @Test
    void aStopRequestedDuringTrainingEndsTheRunWithoutWriting() throws Exception {
        DatabaseTarget target = GeneratedWarehouse.withoutRuns();
        runOnce(target, ScriptedForecastJob.writing(100));
        CountDownLatch release = new CountDownLatch(1);
        ScriptedForecastJob slow = new ScriptedForecastJob(300, false, release);
        Sidecar sidecar = new Sidecar(target, FORECAST_ONLY, List.of(slow), line -> { });
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<SidecarReport> pass = thread.submit(sidecar::runOnce);
            assertTrue(slow.trainingStarted().await(30, TimeUnit.SECONDS));
            sidecar.requestStop();
            assertFalse(sidecar.awaitIdle(Duration.ofMillis(100)), "the pass waits for its model");
            release.countDown();
            SidecarReport report = pass.get(30, TimeUnit.SECONDS);

            assertTrue(report.stopped());
            assertTrue(sidecar.awaitIdle(Duration.ZERO));
            assertTrue(report.models().get(0).error().contains("stopped before writing"));
            assertEquals(List.of("100.00", "100.00", "100.00"), rows(target, "SELECT forecast FROM ml.current_revenue_forecast"));
        } finally {
            thread.shutdownNow();
        }
    }
}
