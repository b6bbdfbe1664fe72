package org.ecom.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The three roles hold what they need and no more. */
class SecurityContractTest {

    /** Acts as a member of {@code role} on this connection from now on. */
    static void become(Connection c, Dialect dialect, String role) throws SQLException {
        try (Statement s = c.createStatement()) {
            switch (dialect) {
                case POSTGRESQL -> s.execute("SET ROLE " + role);
                case MSSQL -> {
                    String user = "probe_" + role;
                    s.execute("IF DATABASE_PRINCIPAL_ID(N'" + user + "') IS NULL CREATE USER " + user + " WITHOUT LOGIN");
                    s.execute("ALTER ROLE " + role + " ADD MEMBER " + user);
                    s.execute("EXECUTE AS USER = N'" + user + "'");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void aReaderReadsTheReportingViewsAndCannotWrite(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshDatabase().connect()) {
            become(c, engine.dialect(), "analytics_reader");
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT * FROM kpi.data_quality_funnel").close();
                s.executeQuery("SELECT * FROM ml.current_repurchase_score").close();
                s.executeQuery("SELECT * FROM kpi.revenue_actual_vs_forecast").close();
                assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM ml.model_run").close());
                assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM ml.repurchase_score").close());
                assertThrows(SQLException.class, () -> s.executeUpdate(
                        "INSERT INTO sales.country (country_name) VALUES ('Atlantis')"));
                assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM staging.load_batch"));
                assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM sales.invoice_line").close());
                assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM staging.retail_line").close());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void theLoaderRoleCanStageAndCleanButNotTouchTheSalesModelDirectly(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshDatabase().connect()) {
            become(c, engine.dialect(), "etl_loader");
            StagingFixture f = new StagingFixture(c, engine.dialect());
            long batch = f.batch("loader.csv", 1);
            f.line(batch, 2, "489434", "85048", "LIGHT", 12, "2009-12-01 07:45:00", "6.95", 13085, "United Kingdom");
            f.process(batch);
            try (Statement s = c.createStatement()) {
                assertEquals(1, s.executeQuery("SELECT clean_rows FROM kpi.data_quality_funnel WHERE batch_id IS NULL")
                        .next() ? 1 : 0);
                assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM sales.invoice_line"));
                assertThrows(SQLException.class, () -> s.executeUpdate(
                        "UPDATE quality.batch_governance SET clean_rows = 0"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void theSidecarReadsTheSalesModelWritesItsScoresAndCannotChangeTheSales(ContractEngines.Engine engine)
            throws SQLException {
        try (Connection c = engine.freshDatabase().connect()) {
            become(c, engine.dialect(), "sidecar_writer");
            try (Statement s = c.createStatement()) {
                long run = MlContractTest.run(c, "forecast", "succeeded", "{\"mape\": 4.2}");
                s.executeUpdate("INSERT INTO ml.revenue_forecast (run_id, month_start, forecast, lo95, hi95) VALUES ("
                        + run + ", '2012-01-01', 100, 90, 110)");
                MlContractTest.prune(c, engine.dialect(), 1);
                s.executeQuery("SELECT * FROM sales.invoice_line").close();
                s.executeQuery("SELECT * FROM kpi.data_quality_funnel").close();
                assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM sales.invoice_line"));
                assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM staging.retail_line").close());
            }
        }
    }
}
