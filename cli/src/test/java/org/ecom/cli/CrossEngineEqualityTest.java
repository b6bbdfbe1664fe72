package org.ecom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.ecom.db.Deployer;
import org.ecom.db.Rows;
import org.ecom.generate.GeneratorSettings;
import org.ecom.generate.RetailDataGenerator;
import org.ecom.ml.ModelKind;
import org.ecom.ml.sidecar.Sidecar;
import org.ecom.ml.sidecar.SidecarJobs;
import org.ecom.ml.sidecar.SidecarReport;
import org.ecom.ml.sidecar.SidecarSettings;
import org.ecom.pipeline.Pipeline;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One generated file through both engines, the whole pipeline: the loader, governance, cleaning,
 * summaries and anomaly detection on embedded PostgreSQL and on the T-SQL server of
 * {@code ECOM_TEST_MSSQL_URL} (in CI, Babelfish), where a sidecar pass also trains the models and
 * writes them back through T-SQL; its model rows are then copied to PostgreSQL as they are, so
 * that both engines' ml views read the same runs. Then every view of kpi, analysis and ml returns
 * the same rows on both: the same column names in the same order, decimals as written to the
 * last digit (so to the cent), floats to six decimals, rows in any order. Without a T-SQL server
 * it skips, loudly.
 */
@DatabaseTest
class CrossEngineEqualityTest {

    /** Small, since Babelfish loads about 9x slower than PostgreSQL; two years of sales all the same. */
    private static final long ROWS = 20_000;
    private static final List<String> SCHEMAS = List.of("kpi", "analysis", "ml");
    /** The model tables, parents first, copied from the T-SQL server to PostgreSQL. */
    private static final List<String> MODEL_TABLES = List.of("ml.model_run", "ml.customer_segment",
            "ml.repurchase_score", "ml.product_recommendation", "ml.revenue_forecast", "ml.model_artefact",
            "ml.repurchase_profit_curve", "ml.repurchase_reason");

    @TempDir
    Path dir;

    @Test
    void everyReportingViewReturnsTheSameRowsOnBothEngines() throws Exception {
        String url = System.getenv(ContractEngines.MSSQL_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            System.err.printf("%n%s%n##%n##  CROSS-ENGINE EQUALITY TEST SKIPPED: %s is not set%n##%n%s%n%n", "#".repeat(72),
                    ContractEngines.MSSQL_URL_VARIABLE, "#".repeat(72));
            Assumptions.abort(ContractEngines.MSSQL_URL_VARIABLE + " is not set: no T-SQL engine to compare with");
        }
        Path file = dir.resolve("equality.csv");
        new RetailDataGenerator(new GeneratorSettings(ROWS, 11)).write(file);
        DatabaseTarget postgres = ContractEngines.freshPostgres();
        DatabaseTarget tsql = ContractEngines.newTsqlDatabase("ecom_equality");
        Deployer.deploy(tsql);
        for (DatabaseTarget engine : List.of(postgres, tsql)) {
            new Pipeline(engine).run(file);
        }
        SidecarSettings settings = new SidecarSettings(List.of(ModelKind.values()), 3, Duration.ZERO, 1, Duration.ofMillis(10), Optional.empty());
        SidecarReport report = new Sidecar(tsql, settings, SidecarJobs.standard(42, Path.of("target", "djl-cache")),
                line -> { }).runOnce();
        assertTrue(report.allSucceeded(), "the sidecar on the T-SQL server: " + report);
        copyModelRows(tsql, postgres);

        List<String> views = views(postgres);
        List<String> differences = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        long rows = 0;
        try (Connection pg = postgres.connect(); Connection ms = tsql.connect()) {
            for (String view : views) {
                Result expected = result(pg, view);
                Result actual = result(ms, view);
                if (!expected.equals(actual)) {
                    differences.add(view + ": " + expected.firstDifference(actual));
                }
                if (expected.rows().isEmpty()) {
                    empty.add(view);
                }
                rows += expected.rows().size();
            }
        }
        System.out.printf("CrossEngineEqualityTest: %d of %d kpi, analysis and ml views return the same rows (%,d in"
                + " all) on PostgreSQL and %s%n", views.size() - differences.size(), views.size(), rows, tsql);
        differences.forEach(d -> System.out.println("  differs: " + d));
        assertEquals(List.of(), differences);
        // A migration needs two segmentation runs; MlContractTest checks it on both engines.
        empty.remove("ml.segment_migration");
        assertEquals(List.of(), empty, "views without a row compare nothing");
        assertTrue(views.size() >= 30, "fewer views than the 30 of kpi, analysis and ml: " + views);
    }

    /** A view's column names and its rows as text, sorted (the engines order text differently). */
    private record Result(List<String> columns, List<String> rows) {
        String firstDifference(Result other) {
            if (!columns.equals(other.columns)) {
                return "columns " + columns + " on PostgreSQL, " + other.columns + " on T-SQL";
            }
            if (rows.size() != other.rows.size()) {
                return rows.size() + " rows on PostgreSQL, " + other.rows.size() + " on T-SQL";
            }
            for (int i = 0; i < rows.size(); i++) {
                if (!rows.get(i).equals(other.rows.get(i))) {
                    return "row " + (i + 1) + " of " + rows.size() + ": " + rows.get(i) + " on PostgreSQL, "
                            + other.rows.get(i) + " on T-SQL";
                }
            }
            return "none";
        }
    }

    private static Result result(Connection c, String view) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + view)) {
            ResultSetMetaData meta = r.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.add(text(r.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        Collections.sort(rows);
        return new Result(columns, rows);
    }

    /** A value as both engines must show it: decimals as written, floats to 6 decimals, integers of any width alike, bytes in hex. */
    private static String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).setScale(6, RoundingMode.HALF_UP).toPlainString();
        }
        if (value instanceof Number n) {
            return Long.toString(n.longValue());
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof byte[] bytes) {
            return java.util.HexFormat.of().formatHex(bytes);
        }
        return value.toString();
    }

    private static List<String> views(DatabaseTarget postgres) throws SQLException {
        try (Connection c = postgres.connect()) {
            return Rows.rows(c, "SELECT table_schema || '.' || table_name FROM information_schema.views"
                    + " WHERE table_schema IN ('" + String.join("', '", SCHEMAS) + "') ORDER BY 1");
        }
    }

    /** The T-SQL server's model runs and their rows, into PostgreSQL with the same run ids. */
    private static void copyModelRows(DatabaseTarget from, DatabaseTarget to) throws SQLException {
        try (Connection source = from.connect(); Connection target = to.connect()) {
            target.setAutoCommit(false);
            for (String table : MODEL_TABLES) {
                try (Statement s = source.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = r.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        columns.add(meta.getColumnName(i));
                    }
                    String identity = table.equals("ml.model_run") ? " OVERRIDING SYSTEM VALUE" : "";
                    try (PreparedStatement insert = target.prepareStatement("INSERT INTO " + table + " ("
                            + String.join(", ", columns) + ")" + identity + " VALUES ("
                            + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")")) {
                        while (r.next()) {
                            for (int i = 1; i <= columns.size(); i++) {
                                insert.setObject(i, r.getObject(i));
                            }
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                }
            }
            target.commit();
        }
    }
}
