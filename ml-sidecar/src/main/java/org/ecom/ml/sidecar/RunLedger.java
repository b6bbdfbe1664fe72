package org.ecom.ml.sidecar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.ecom.ml.ModelKind;
import org.ecom.ml.ModelReport;
import org.jdbi.v3.core.Handle;

/** The rows of ml.model_run: a run starts as 'running', and ends 'succeeded' or 'failed'. Times are UTC. */
final class RunLedger {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_LENGTH = 1000;

    private RunLedger() {
    }

    /** Records a started run (committed by the caller's auto-commit handle) and returns its id. */
    static long start(Handle handle, ModelKind kind, LocalDate asOf, String fingerprint) {
        return handle.createUpdate("INSERT INTO ml.model_run (model_kind, status, as_of_date, started_at, input_fingerprint)"
                        + " VALUES (:kind, 'running', :asOf, :startedAt, :fingerprint)")
                .bind("kind", kind.storedName())
                .bind("asOf", asOf)
                .bind("startedAt", now())
                .bind("fingerprint", fingerprint)
                .executeAndReturnGeneratedKeys("run_id")
                .mapTo(Long.class)
                .one();
    }

    /** Marks the run succeeded with its report, inside the transaction that wrote its rows. */
    static void succeed(Handle handle, long runId, ModelReport report) {
        int updated = handle.createUpdate("UPDATE ml.model_run SET status = 'succeeded', finished_at = :finishedAt,"
                        + " parameters_json = :parameters, metrics_json = :metrics WHERE run_id = :runId AND status = 'running'")
                .bind("finishedAt", now())
                .bind("parameters", json(report.parameters()))
                .bind("metrics", json(report.metrics()))
                .bind("runId", runId)
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("run " + runId + " is no longer running (pruned or ended by someone else)");
        }
    }

    static void fail(Handle handle, long runId, String error) {
        handle.createUpdate("UPDATE ml.model_run SET status = 'failed', finished_at = :finishedAt, error_message = :error"
                        + " WHERE run_id = :runId AND status = 'running'")
                .bind("finishedAt", now())
                .bind("error", error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error)
                .bind("runId", runId)
                .execute();
    }

    /**
     * Marks failed the runs still 'running' from a sidecar that was killed or crashed mid-run:
     * called under the sidecar lock, when no other pass can be running one.
     */
    static int failAbandoned(Handle handle) {
        return handle.createUpdate("UPDATE ml.model_run SET status = 'failed', finished_at = :finishedAt, error_message = :error"
                        + " WHERE status = 'running'")
                .bind("finishedAt", now())
                .bind("error", "abandoned: the sidecar running it was killed or crashed; marked at the next pass")
                .execute();
    }

    static String json(Map<String, Object> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a model report holds a value JSON cannot write: " + e.getOriginalMessage(), e);
        }
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
