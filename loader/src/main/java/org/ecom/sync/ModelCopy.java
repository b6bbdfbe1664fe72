package org.ecom.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.ecom.db.DatabaseTarget;

/**
 * Copies the source's current model runs (the latest succeeded run of each kind, as
 * ml.current_model_run says) and their rows in every ml table keyed by run_id, so the target's
 * reports show the same scores before its own sidecar runs. Runs get the target's next run ids
 * (so they become current there too); a run the target already has (same kind, start and input
 * fingerprint) is not copied twice. All in one transaction. The columns copied are those both
 * sides have, by name, so a table another change widens still copies.
 */
public final class ModelCopy {

    /** A current run of the source and how many rows it has in the ml tables. */
    public record Run(long runId, String modelKind, LocalDate asOfDate, LocalDateTime startedAt, String inputFingerprint,
                      long rows) {
    }

    private static final int INSERT_BATCH = 5_000;

    private final DatabaseTarget from;
    private final DatabaseTarget to;

    public ModelCopy(DatabaseTarget from, DatabaseTarget to) {
        this.from = from;
        this.to = to;
    }

    /** The source's current runs the target lacks. */
    public List<Run> plan() {
        List<String> rowTables = rowTables();
        List<Run> runs = from.jdbi().withHandle(h -> h.createQuery("SELECT run_id, model_kind, as_of_date, started_at,"
                        + " input_fingerprint FROM ml.current_model_run ORDER BY run_id")
                .map((r, ctx) -> new Run(r.getLong(1), r.getString(2), r.getObject(3, LocalDate.class),
                        r.getObject(4, LocalDateTime.class), r.getString(5), rowCount(rowTables, r.getLong(1))))
                .list());
        if (!Catalog.hasTable(to, "ml", "model_run")) {
            return runs;
        }
        return runs.stream().filter(run -> to.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ml.model_run"
                        + " WHERE model_kind = :modelKind AND started_at = :startedAt AND input_fingerprint = :inputFingerprint")
                .bindMethods(run).mapTo(Integer.class).one()) == 0).toList();
    }

    /** Copies what {@link #plan} lists; returns it. */
    public List<Run> run() throws SQLException {
        List<Run> runs = plan();
        List<String> rowTables = rowTables();
        try (Connection source = from.connect(); Connection target = to.connect()) {
            target.setAutoCommit(false);
            try {
                for (Run run : runs) {
                    long newId = copyRun(source, target, run.runId());
                    for (String table : rowTables) {
                        copyRows(source, target, table, run.runId(), newId);
                    }
                }
                target.commit();
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            }
        }
        return runs;
    }

    /** The ml tables other than model_run with a run_id column, on both sides (their rows belong to a run). */
    private List<String> rowTables() {
        List<String> onTarget = Catalog.baseTables(to, "ml");
        return Catalog.baseTables(from, "ml").stream()
                .filter(t -> !t.equals("ml.model_run") && onTarget.contains(t))
                .filter(t -> Catalog.columns(from, t).stream().anyMatch(c -> c.name().equals("run_id")))
                .toList();
    }

    private long rowCount(List<String> tables, long runId) {
        long rows = 0;
        for (String table : tables) {
            rows += from.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE run_id = :runId")
                    .bind("runId", runId).mapTo(Long.class).one());
        }
        return rows;
    }

    /** The run's row under the target's next run id. */
    private long copyRun(Connection source, Connection target, long runId) throws SQLException {
        List<String> columns = sharedColumns("ml.model_run");
        columns.remove("run_id");
        String list = String.join(", ", columns);
        try (PreparedStatement select = source.prepareStatement("SELECT " + list + " FROM ml.model_run WHERE run_id = ?")) {
            select.setLong(1, runId);
            try (ResultSet r = select.executeQuery();
                 PreparedStatement insert = target.prepareStatement("INSERT INTO ml.model_run (" + list + ") VALUES ("
                         + marks(columns.size()) + ")", Statement.RETURN_GENERATED_KEYS)) {
                r.next();
                for (int i = 1; i <= columns.size(); i++) {
                    insert.setObject(i, r.getObject(i));
                }
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        }
    }

    private void copyRows(Connection source, Connection target, String table, long runId, long newId) throws SQLException {
        List<String> columns = sharedColumns(table);
        int runColumn = columns.indexOf("run_id") + 1;
        String list = String.join(", ", columns);
        try (PreparedStatement select = source.prepareStatement("SELECT " + list + " FROM " + table + " WHERE run_id = ?");
             PreparedStatement insert = target.prepareStatement("INSERT INTO " + table + " (" + list + ") VALUES ("
                     + marks(columns.size()) + ")")) {
            select.setLong(1, runId);
            try (ResultSet r = select.executeQuery()) {
                int pending = 0;
                while (r.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        insert.setObject(i, i == runColumn ? newId : r.getObject(i));
                    }
                    insert.addBatch();
                    if (++pending == INSERT_BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        }
    }

    /** The table's columns on the source that the target has too, in the source's order. */
    private List<String> sharedColumns(String table) {
        List<String> targetColumns = Catalog.columns(to, table).stream().map(Catalog.Column::name).toList();
        return Catalog.columns(from, table).stream().map(Catalog.Column::name).filter(targetColumns::contains)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
