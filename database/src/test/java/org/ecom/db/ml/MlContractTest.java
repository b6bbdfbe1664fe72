package org.ecom.db.ml;

import static org.ecom.db.MlFixture.prune;
import static org.ecom.db.MlFixture.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTest;
import org.ecom.db.StagingFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ML write-back (schema ml): readers see the latest succeeded run of each kind and nothing
 * else, old runs are pruned with their rows, and the forecast joins the actuals in one series.
 */
@DatabaseTest
class MlContractTest {

    private static void segment(Connection c, long run, int customer, String name) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO ml.customer_segment (run_id, customer_id, segment_id, segment_name) VALUES ("
                    + run + ", " + customer + ", 1, '" + name + "')");
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    values.add(value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void currentViewsShowTheLatestSucceededRunOnly(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            long older = run(c, "segments", "succeeded", "{}");
            segment(c, older, 1, "Lost");
            long good = run(c, "segments", "succeeded", "{}");
            segment(c, good, 1, "Champions");
            long failed = run(c, "segments", "failed", "{}");
            segment(c, failed, 1, "Failed");
            long running = run(c, "segments", "running", null);
            segment(c, running, 1, "Half-written");
            run(c, "forecast", "succeeded", "{}");

            assertEquals(List.of(good + "|1|1|Champions"), rows(c, "SELECT * FROM ml.current_customer_segment"));
            assertEquals(List.of(good + "|segments"),
                    rows(c, "SELECT run_id, model_kind FROM ml.current_model_run WHERE model_kind = 'segments'"));
            assertEquals(2, rows(c, "SELECT run_id FROM ml.current_model_run").size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void migrationCountsWhereTheCurrentSegmentsCustomersWereInThePreviousRun(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            long previous = run(c, "segments", "succeeded", "{}");
            segment(c, previous, 1, "Lost");
            segment(c, previous, 2, "Champions");
            segment(c, previous, 4, "At risk");
            assertEquals(List.of(), rows(c, "SELECT * FROM ml.segment_migration"), "one run: nothing to compare");
            long current = run(c, "segments", "succeeded", "{}");
            segment(c, current, 1, "Champions");
            segment(c, current, 2, "Champions");
            segment(c, current, 3, "New");
            long failed = run(c, "segments", "failed", "{}");
            segment(c, failed, 1, "Failed");

            assertEquals(List.of(
                    previous + "|" + current + "|Champions|Champions|1",
                    previous + "|" + current + "|Lost|Champions|1",
                    previous + "|" + current + "|null|New|1"), rows(c,
                    "SELECT previous_run_id, current_run_id, from_segment, to_segment, customers FROM ml.segment_migration"
                            + " ORDER BY to_segment, from_segment"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void runMetricListsTheTopLevelNumbersOfSucceededRuns(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            long ok = run(c, "repurchase", "succeeded",
                    "{\"test_auc\": 0.81, \"model\": \"xgboost\", \"per_model\": {\"lr\": 0.7}, \"folds\": 10}");
            run(c, "repurchase", "failed", "{\"test_auc\": 0.2}");
            assertEquals(List.of(ok + "|folds|10.0", ok + "|test_auc|0.81"), rows(c,
                    "SELECT run_id, metric_name, metric_value FROM ml.run_metric ORDER BY metric_name"));
            assertThrows(SQLException.class, () -> run(c, "repurchase", "succeeded", "not json"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void pruningKeepsTheNewestRunsOfEachKindAndTheCurrentOne(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            long current = run(c, "segments", "succeeded", "{}");
            segment(c, current, 1, "Champions");
            long firstFailure = run(c, "segments", "failed", "{}");
            segment(c, firstFailure, 1, "Failed");
            long secondFailure = run(c, "segments", "failed", "{}");
            long thirdFailure = run(c, "segments", "failed", "{}");
            long forecast = run(c, "forecast", "succeeded", "{}");
            prune(c, engine.dialect(), 2);
            assertEquals(List.of(String.valueOf(current), String.valueOf(secondFailure), String.valueOf(thirdFailure),
                    String.valueOf(forecast)), rows(c, "SELECT run_id FROM ml.model_run ORDER BY run_id"));
            assertEquals(List.of(current + "|Champions"), rows(c, "SELECT run_id, segment_name FROM ml.customer_segment"));
            assertThrows(SQLException.class, () -> prune(c, engine.dialect(), 0));
        }
    }

    private static void artefact(Connection c, long run, String kind, byte[] bytes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ml.model_artefact"
                + " (run_id, model_kind, artefact_format, artefact_bytes, artefact_sha256) VALUES (?, ?, 'java-serialization', ?, 'sha')")) {
            s.setLong(1, run);
            s.setString(2, kind);
            s.setBytes(3, bytes);
            s.executeUpdate();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void theCurrentArtefactIsTheLatestSucceededRunsBytesAndGoesWithItsRun(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            long older = run(c, "repurchase", "succeeded", "{}");
            artefact(c, older, "repurchase", new byte[] {1});
            // Every byte value, and more than a page: the column is binary and unbounded, not text.
            byte[] model = new byte[70_000];
            for (int i = 0; i < model.length; i++) {
                model[i] = (byte) i;
            }
            long current = run(c, "repurchase", "succeeded", "{}");
            artefact(c, current, "repurchase", model);
            long failed = run(c, "repurchase", "failed", "{}");
            artefact(c, failed, "repurchase", new byte[] {3});
            assertThrows(SQLException.class, () -> artefact(c, current, "repurchase", new byte[] {4}), "one per run");
            assertThrows(SQLException.class, () -> artefact(c, 999_999, "repurchase", new byte[] {5}), "of a run");
            assertThrows(SQLException.class, () -> artefact(c, older, "churn", new byte[] {6}), "of a known kind");

            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT run_id, model_kind, artefact_format, artefact_bytes FROM ml.current_model_artefact")) {
                assertTrue(r.next());
                assertEquals(current, r.getLong(1));
                assertEquals("repurchase|java-serialization", r.getString(2) + "|" + r.getString(3));
                assertArrayEquals(model, r.getBytes(4));
                assertFalse(r.next(), "only the current run's");
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM ml.model_run WHERE run_id = " + older);
            }
            assertEquals(List.of(String.valueOf(current), String.valueOf(failed)),
                    rows(c, "SELECT run_id FROM ml.model_artefact ORDER BY run_id"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void actualsAndForecastMakeOneMonthlySeries(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            new StagingFixture(c, engine.dialect()).year();
            long run = run(c, "forecast", "succeeded", "{}");
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO ml.revenue_forecast (run_id, month_start, forecast, lo95, hi95) VALUES ("
                        + run + ", '2011-03-01', 300, 200, 400), (" + run + ", '2011-04-01', 310, 190, 430)");
            }
            // The fixture's sales end on 9 March 2011: March is partial, and forecast as a whole month.
            assertEquals(List.of(
                    "2011-02-01|360|false|null|null|null",
                    "2011-03-01|100|true|300|200|400",
                    "2011-04-01|null|null|310|190|430"), rows(c,
                    "SELECT month_start, actual_revenue, is_partial, forecast, lo95, hi95 FROM kpi.revenue_actual_vs_forecast"
                            + " WHERE month_start >= '2011-02-01' ORDER BY month_start"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void theCampaignOfTheCurrentRunReachesTheReaders(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            assertEquals(List.of("5|12.5"), rows(c, "SELECT contact_cost, repurchase_margin FROM ml.campaign_assumptions"));
            assertThrows(SQLException.class, () -> update(c,
                    "INSERT INTO ml.campaign_assumptions (assumption_id, contact_cost, repurchase_margin) VALUES (2, 1, 1)"));
            assertThrows(SQLException.class, () -> update(c, "UPDATE ml.campaign_assumptions SET repurchase_margin = 0"));

            long older = run(c, "repurchase", "succeeded", "{}");
            curve(c, older, "0.30", 900, true);
            long current = run(c, "repurchase", "succeeded", "{}");
            curve(c, current, "0.40", 500, true);
            curve(c, current, "0.50", 300, false);
            score(c, older, 1, 0.35);
            score(c, current, 1, 0.45);
            score(c, current, 2, 0.40);
            score(c, current, 3, 0.39);

            assertEquals(List.of("0.4|500|625|true", "0.5|300|375|false"), rows(c,
                    "SELECT threshold, contacted_customers, expected_profit, is_chosen FROM ml.current_repurchase_profit_curve"
                            + " ORDER BY threshold"));
            // At or above the current run's chosen threshold (0.40), not the older run's (0.30).
            assertEquals(List.of("1|true", "2|true", "3|false"),
                    rows(c, "SELECT customer_id, in_campaign FROM ml.current_repurchase_score ORDER BY customer_id"));
            // One chosen threshold per run.
            assertThrows(SQLException.class, () -> curve(c, current, "0.60", 100, true));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void theReasonsOfTheCurrentRunReachTheReaders(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            long older = run(c, "repurchase", "succeeded", "{}");
            update(c, "INSERT INTO ml.repurchase_reason (run_id, customer_id, reason_rank, feature, contribution) VALUES ("
                    + older + ", 1, 1, 'recency_days', -0.5)");
            long current = run(c, "repurchase", "succeeded", "{}");
            update(c, "INSERT INTO ml.repurchase_reason (run_id, customer_id, reason_rank, feature, contribution) VALUES ("
                    + current + ", 1, 1, 'active_months_last_365d', 0.75), ("
                    + current + ", 1, 2, 'recency_days', -0.25), (" + current + ", 1, 3, 'log_revenue_last_365d', 0.125)");

            assertEquals(List.of(current + "|1|1|active_months_last_365d|0.75", current + "|1|2|recency_days|-0.25",
                    current + "|1|3|log_revenue_last_365d|0.125"), rows(c,
                    "SELECT run_id, customer_id, reason_rank, feature, contribution FROM ml.current_repurchase_reason"
                            + " ORDER BY reason_rank"));
            assertThrows(SQLException.class, () -> update(c, "INSERT INTO ml.repurchase_reason"
                    + " (run_id, customer_id, reason_rank, feature, contribution) VALUES (" + current + ", 1, 4, 'tenure_days', 0.1)"));
            prune(c, engine.dialect(), 1);
            assertEquals(List.of(String.valueOf(current)), rows(c, "SELECT DISTINCT run_id FROM ml.repurchase_reason"));
        }
    }

    private static void score(Connection c, long run, int customer, double probability) throws SQLException {
        try (var s = c.prepareStatement("INSERT INTO ml.repurchase_score (run_id, customer_id, probability, decile)"
                + " VALUES (?, ?, ?, 5)")) {
            s.setLong(1, run);
            s.setInt(2, customer);
            s.setDouble(3, probability);
            s.executeUpdate();
        }
    }

    private static void curve(Connection c, long run, String threshold, int contacted, boolean chosen) throws SQLException {
        try (var s = c.prepareStatement("INSERT INTO ml.repurchase_profit_curve (run_id, threshold, precision_rate, recall_rate,"
                + " contacted_customers, expected_profit, is_chosen) VALUES (?, ?, 0.5, 0.5, ?, ?, ?)")) {
            s.setLong(1, run);
            s.setBigDecimal(2, new BigDecimal(threshold));
            s.setInt(3, contacted);
            s.setBigDecimal(4, BigDecimal.valueOf(contacted * 12.5 * 0.5 - contacted * 5.0));
            s.setBoolean(5, chosen);
            s.executeUpdate();
        }
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
