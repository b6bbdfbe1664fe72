package org.ecom.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Model runs written as the sidecar writes them, for the ml and security contract tests. */
public final class MlFixture {

    private MlFixture() {
    }

    /** Inserts a run as the sidecar does and returns its id; a finished run gets a finish time. */
    public static long run(Connection c, String kind, String status, String metricsJson) throws SQLException {
        String sql = "INSERT INTO ml.model_run (model_kind, status, as_of_date, started_at, finished_at, parameters_json,"
                + " metrics_json, input_fingerprint) VALUES (?, ?, ?, ?, ?, '{}', ?, 'fp')";
        try (PreparedStatement s = c.prepareStatement(sql, new String[] {"run_id"})) {
            LocalDateTime now = LocalDateTime.of(2011, 12, 10, 6, 0);
            s.setString(1, kind);
            s.setString(2, status);
            s.setObject(3, LocalDate.of(2011, 12, 10));
            s.setObject(4, now);
            s.setObject(5, status.equals("running") ? null : now.plusMinutes(1));
            s.setString(6, metricsJson);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Calls ml.prune_runs as the sidecar does. */
    public static void prune(Connection c, Dialect dialect, int keepRuns) throws SQLException {
        try (PreparedStatement prune = c.prepareStatement(dialect.callStatement("ml.prune_runs", 1))) {
            prune.setInt(1, keepRuns);
            prune.execute();
        }
    }
}
