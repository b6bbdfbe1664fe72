package org.ecom.ml.sidecar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.ecom.ml.ModelKind;
import org.ecom.ml.ModelReport;

/** The rows of ml.model_run: a run starts as 'running', and ends 'succeeded' or 'failed'. Times are UTC. */
final class RunLedger {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_LENGTH = 1000;

    private RunLedger() {
    }

    /** Records a started run (committed by the caller's auto-commit connection) and returns its id. */
    static long start(Connection connection, ModelKind kind, LocalDate asOf, String fingerprint) throws SQLException {
        String sql = "INSERT INTO ml.model_run (model_kind, status, as_of_date, started_at, input_fingerprint)"
                + " VALUES (?, 'running', ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"run_id"})) {
            statement.setString(1, kind.storedName());
            statement.setObject(2, asOf);
            statement.setObject(3, now());
            statement.setString(4, fingerprint);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Marks the run succeeded with its report, inside the transaction that wrote its rows. */
    static void succeed(Connection connection, long runId, ModelReport report) throws SQLException {
        String sql = "UPDATE ml.model_run SET status = 'succeeded', finished_at = ?, parameters_json = ?, metrics_json = ?"
                + " WHERE run_id = ? AND status = 'running'";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, now());
            statement.setString(2, json(report.parameters()));
            statement.setString(3, json(report.metrics()));
            statement.setLong(4, runId);
            if (statement.executeUpdate() != 1) {
                throw new SQLException("run " + runId + " is no longer running (pruned or ended by someone else)");
            }
        }
    }

    static void fail(Connection connection, long runId, String error) throws SQLException {
        String sql = "UPDATE ml.model_run SET status = 'failed', finished_at = ?, error_message = ?"
                + " WHERE run_id = ? AND status = 'running'";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, now());
            statement.setString(2, error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error);
            statement.setLong(3, runId);
            statement.executeUpdate();
        }
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
