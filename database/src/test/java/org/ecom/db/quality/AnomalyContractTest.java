package org.ecom.db.quality;

import static org.ecom.db.Rows.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.ecom.db.BabelfishGap;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.ecom.db.Dialect;
import org.ecom.db.Rows;
import org.ecom.db.StagingFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Anomaly detection (quality.detect_quantity_anomalies, quality.detect_price_anomalies) on 46
 * hand-made clean lines, one invoice each, whose flags and scores are worked out by hand below.
 *
 * <pre>
 * product 10001, 21 lines: quantity 1 (lines 2-8), 2 (9-15), 3 (16-21), 100 (line 22);
 *                          price 2.00, except 1.50 on line 22
 * product 10002, 20 lines: quantity 1 (lines 23-41), 12 (line 42); price 0.85
 * product 10003,  5 lines: quantity 10 (lines 43-46), 2000 (line 47); price 5.00
 *
 * Global z (all 46 lines): sum 2,210, mean 48.043478; sum of squares 10,089 + 163 + 4,000,400
 *   = 4,010,652; population variance 4,010,652 / 46 - 48.043478^2 = 84,879.91, sd 291.341571.
 *   line 47: (2000 - 48.043478) / 291.341571 = 6.699890 > 3: flagged
 *   line 22: (100 - 48.043478) / 291.341571 = 0.178 (the global z cannot see it); others below 0.2.
 *   (The sample sd, 294.560913, would give 6.626677: the fixture tells them apart.)
 *   Threshold 7: nothing.
 *
 * Robust per product (products with at least 20 lines: 10001 and 10002, not 10003):
 *   10001 quantity: median (11th of 21) = 2; |x - 2| = 0 x7, 1 x13, 98 -> MAD = 1.
 *     line 22: 0.6745 * 98 / 1 = 66.101 > 3.5: flagged; lines of 1 and 3: -/+0.6745.
 *   10002 quantity: median 1; |x - 1| = 0 x19, 11 -> MAD = 0: fallback to the mean absolute
 *     deviation around the median, 11 / 20 = 0.55: line 42: 11 / (1.253314 * 0.55) = 15.957693.
 *   Threshold 0.5: also the 13 lines of 1 and 3 of product 10001 (|0.6745| > 0.5): 15 lines.
 *   10001 price: median 2.00, MAD 0, mean absolute deviation 0.50 / 21:
 *     line 22: -0.50 / (1.253314 * 0.50 / 21) = -21 / 1.253314 = -16.755578: flagged.
 *   10002 price: every line 0.85, mean absolute deviation 0: nothing.
 * </pre>
 */
@DatabaseTest
public class AnomalyContractTest {

    /** One clean line of the fixture; line is its source line number and names its invoice. */
    private record FixtureLine(int line, String stockCode, int quantity, String price) {
    }

    private static List<FixtureLine> fixtureLines() {
        List<FixtureLine> lines = new ArrayList<>();
        int line = 2;
        for (int i = 0; i < 20; i++) {
            int quantity = i < 7 ? 1 : i < 14 ? 2 : 3;
            lines.add(new FixtureLine(line++, "10001", quantity, "2.00"));
        }
        lines.add(new FixtureLine(line++, "10001", 100, "1.50")); // line 22
        for (int i = 0; i < 19; i++) {
            lines.add(new FixtureLine(line++, "10002", 1, "0.85"));
        }
        lines.add(new FixtureLine(line++, "10002", 12, "0.85")); // line 42
        for (int i = 0; i < 4; i++) {
            lines.add(new FixtureLine(line++, "10003", 10, "5.00"));
        }
        lines.add(new FixtureLine(line, "10003", 2000, "5.00")); // line 47
        return lines;
    }

    private static void stageFixture(StagingFixture f, long batch) throws SQLException {
        for (FixtureLine line : fixtureLines()) {
            cleanLine(f, batch, line);
        }
    }

    private static void cleanLine(StagingFixture f, long batch, FixtureLine line) throws SQLException {
        f.line(batch, line.line(), String.valueOf(500000 + line.line()), line.stockCode(), "ITEM " + line.stockCode(),
                line.quantity(), "2010-03-01 10:00:00", line.price(), 12345, "United Kingdom");
    }

    /** A fresh database of the engine holding the 46 lines, processed as the loader does. */
    private static DatabaseTarget loaded(ContractEngines.Engine engine) throws SQLException {
        DatabaseTarget database = engine.freshDatabase();
        try (Connection c = engine.connect(database)) {
            StagingFixture f = new StagingFixture(c, engine.dialect());
            long batch = f.batch("anomaly.csv", 46);
            stageFixture(f, batch);
            f.process(batch);
            assertEquals("46", scalar(c, "SELECT COUNT(*) FROM sales.invoice_line"));
        }
        return database;
    }

    private static void call(Connection c, Dialect dialect, String procedure, String... thresholds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(dialect.callStatement(procedure, thresholds.length))) {
            for (int i = 0; i < thresholds.length; i++) {
                s.setBigDecimal(i + 1, new BigDecimal(thresholds[i]));
            }
            s.execute();
        }
    }

    /** "source line:score to 3 decimals" of one method's rows, by source line. */
    private static List<String> flagged(Connection c, String method) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT l.source_line_number, a.score FROM quality.anomaly AS a"
                     + " JOIN sales.invoice_line AS l ON l.invoice_line_id = a.invoice_line_id"
                     + " WHERE a.method = '" + method + "' ORDER BY l.source_line_number")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + ":" + rs.getBigDecimal(2).setScale(3, RoundingMode.HALF_UP).toPlainString());
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void flagsTheHandComputedLinesWithTheirScores(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.connect(loaded(engine))) {
            call(c, engine.dialect(), "quality.detect_quantity_anomalies");
            call(c, engine.dialect(), "quality.detect_price_anomalies");

            assertEquals(List.of("47:6.700"), flagged(c, "quantity_zscore"), "population sd, |z| > 3");
            assertEquals(List.of("22:66.101", "42:15.958"), flagged(c, "quantity_robust_product"),
                    "MAD on 10001, the mean-absolute-deviation fallback on 10002, 10003 too small");
            assertEquals(List.of("22:-16.756"), flagged(c, "price_robust_product"));
            assertEquals("3.000", scalar(c,
                    "SELECT MIN(threshold) FROM quality.anomaly WHERE method = 'quantity_zscore'"));
            assertEquals("3.500", scalar(c,
                    "SELECT MAX(threshold) FROM quality.anomaly WHERE method <> 'quantity_zscore'"));

            assertEquals("1", scalar(c, "SELECT COUNT(*) FROM kpi.quantity_anomaly"),
                    "the view shows the lines of the global z-score: line 47 only");
            assertEquals("2000", scalar(c,
                    "SELECT quantity FROM kpi.quantity_anomaly WHERE method = 'quantity_zscore'"));
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT also_unusual_for_product FROM kpi.quantity_anomaly")) {
                r.next();
                assertEquals(false, r.getBoolean(1), "product 10003 has 5 lines, too few for the robust method");
            }
            assertEquals(List.of("2010-03-01|United Kingdom"), Rows.rows(c,
                    "SELECT CAST(month_start AS varchar(10)), country_name FROM kpi.quantity_anomaly"),
                    "the month and country of the line's invoice, for the report's Date and Country filters");
        }
    }

    /**
     * The worklist of the three flagged lines, all sold on 1 March 2010. Strength = |score| / threshold:
     * line 22: quantity 66.101 / 3.5 = 18.886, price 16.756 / 3.5 = 4.787: past 10x, critical;
     * line 42: 15.958 / 3.5 = 4.559, high; line 47: 6.700 / 3 = 2.233, moderate.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void aDailyBudgetKeepsTheMostSevereLinesAndTheOverlapsAddUp(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.connect(loaded(engine))) {
            call(c, engine.dialect(), "quality.detect_quantity_anomalies");
            call(c, engine.dialect(), "quality.detect_price_anomalies");

            String line = "SELECT l.source_line_number, a.severity, a.strength, a.methods, a.day_rank"
                    + " FROM %s AS a JOIN sales.invoice_line AS l ON l.invoice_line_id = a.invoice_line_id"
                    + " ORDER BY a.day_rank";
            assertEquals(List.of("22|critical|18.89|2|1", "42|high|4.56|1|2", "47|moderate|2.23|1|3"),
                    Rows.rows(c, String.format(line, "kpi.anomaly_line")));
            // The function's strength read through a cast: Babelfish gives a table-valued function's
            // decimal columns 8 decimals (the gap "decimal scale of table-valued function columns").
            assertEquals(List.of("22|critical|18.89|2|1", "42|high|4.56|1|2"),
                    Rows.rows(c, String.format(line.replace("a.strength", "CAST(a.strength AS decimal(12, 2))"),
                            "analysis.anomaly_worklist(2)")), "a budget of two lines a day");
            assertEquals(List.of("false|true|false|1|0", "false|true|true|1|1", "true|false|false|1|0"),
                    Rows.rows(c, "SELECT by_quantity_zscore, by_quantity_robust, by_price_robust, lines, critical_lines"
                            + " FROM kpi.anomaly_method_overlap"
                            + " ORDER BY by_quantity_zscore, by_quantity_robust, by_price_robust"));
        }
    }

    /**
     * The lines arriving in three batches, detection counting only the new batch after each (as a
     * load does), against a full recount after each: the same rows, to the stored score. Batch 1:
     * products 10001 (15 lines: too few to score), 10002 (19) and 10003; batch 2: the rest, which
     * takes 10001 and 10002 past 20 lines and moves every mean and median; batch 3: one line of a
     * new product, which moves the global mean and sd only.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void detectingOnlyTheNewBatchesEndsAsAFullDetection(ContractEngines.Engine engine) throws SQLException {
        Dialect d = engine.dialect();
        List<FixtureLine> lines = fixtureLines();
        List<List<FixtureLine>> batches = List.of(
                lines.stream().filter(l -> l.line() <= 16 || l.line() >= 23 && l.line() <= 41 || l.line() >= 43 && l.line() <= 46).toList(),
                lines.stream().filter(l -> l.line() >= 17 && l.line() <= 22 || l.line() == 42 || l.line() == 47).toList(),
                List.of(new FixtureLine(48, "10004", 400, "9.00")));
        try (Connection c = engine.connect(engine.freshDatabase())) {
            StagingFixture f = new StagingFixture(c, d);
            for (int b = 0; b < batches.size(); b++) {
                long batch = f.batch("anomaly-" + b + ".csv", batches.get(b).size());
                for (FixtureLine line : batches.get(b)) {
                    cleanLine(f, batch, line);
                }
                f.process(batch);
                detect(c, d, false);
                List<String> incremental = anomalies(c);
                detect(c, d, true);
                assertEquals(anomalies(c), incremental, "after batch " + (b + 1));
            }
            assertEquals(List.of("quantity_robust_product|500022|66.101000|3.500", "quantity_robust_product|500042|15.957693|3.500",
                            "price_robust_product|500022|-16.755578|3.500").stream().sorted().toList(),
                    anomalies(c).stream().filter(r -> !r.startsWith("quantity_zscore")).toList(),
                    "the robust rows of the hand-computed fixture: batch 3 adds a product of one line");
            assertEquals(List.of("quantity_zscore|500047|6.643980|3.000"),
                    anomalies(c).stream().filter(r -> r.startsWith("quantity_zscore")).toList(),
                    "line 47 rescored against 47 lines (6.699890 against the 46 of the fixture), line 48 (400) is not past 3 sd");
        }
    }

    private static void detect(Connection c, Dialect d, boolean full) throws SQLException {
        for (String procedure : List.of("quality.detect_quantity_anomalies", "quality.detect_price_anomalies")) {
            try (Statement s = c.createStatement()) {
                s.execute(switch (d) {
                    case POSTGRESQL -> "CALL " + procedure + "(p_full => " + full + ")";
                    case MSSQL -> "EXEC " + procedure + " @full = " + (full ? 1 : 0);
                });
            }
        }
    }

    /** Every row of quality.anomaly as method|invoice|score|threshold, sorted. */
    private static List<String> anomalies(Connection c) throws SQLException {
        return Rows.rows(c, "SELECT a.method, l.invoice_no, a.score, a.threshold FROM quality.anomaly AS a"
                + " JOIN sales.invoice_line AS l ON l.invoice_line_id = a.invoice_line_id").stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void reRunningReplacesAndAnotherThresholdChangesTheSet(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.connect(loaded(engine))) {
            Dialect d = engine.dialect();
            call(c, d, "quality.detect_quantity_anomalies");
            call(c, d, "quality.detect_quantity_anomalies");
            call(c, d, "quality.detect_price_anomalies");
            call(c, d, "quality.detect_price_anomalies");
            assertEquals("4", scalar(c, "SELECT COUNT(*) FROM quality.anomaly"),
                    "two runs of each, still one row per line and method");

            call(c, d, "quality.detect_quantity_anomalies", "7.0", "0.5");
            assertEquals(List.of(), flagged(c, "quantity_zscore"), "6.700 < 7");
            List<String> robust = flagged(c, "quantity_robust_product");
            assertEquals(15, robust.size(), "13 lines of 1 or 3 units (|0.6745| > 0.5), lines 22 and 42");
            assertEquals("2:-0.675", robust.get(0));
            assertEquals("16:0.675", robust.get(7));
            assertEquals(List.of("22:-16.756"), flagged(c, "price_robust_product"), "the price run is left alone");
            assertEquals("0.500", scalar(c,
                    "SELECT MAX(threshold) FROM quality.anomaly WHERE method = 'quantity_robust_product'"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    @BabelfishGap("ownership chaining")
    void theLoaderDetectsTheSidecarReadsTheReaderSeesOnlyTheView(ContractEngines.Engine engine) throws SQLException {
        Dialect d = engine.dialect();
        DatabaseTarget database = loaded(engine);
        try (Connection c = engine.connectAs(database, "etl_loader")) {
            call(c, d, "quality.detect_quantity_anomalies");
            call(c, d, "quality.detect_price_anomalies");
            try (Statement s = c.createStatement()) {
                assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM quality.anomaly"));
            }
        }
        try (Connection c = engine.connectAs(database, "sidecar_writer")) {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT * FROM quality.anomaly").close();
                assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM quality.anomaly"));
            }
            assertThrows(SQLException.class, () -> call(c, d, "quality.detect_quantity_anomalies"));
        }
        try (Connection c = engine.connectAs(database, "analytics_reader")) {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT * FROM kpi.quantity_anomaly").close();
                assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM quality.anomaly").close());
            }
            assertThrows(SQLException.class, () -> call(c, d, "quality.detect_price_anomalies"));
        }
    }
}
