package org.ecom.db.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.ecom.db.BabelfishGap;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTest;
import org.ecom.db.MlFixture;
import org.ecom.db.StagingFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The three roles hold what they need and no more. */
@DatabaseTest
class SecurityContractTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void aReaderReadsTheReportingViewsAndCannotWrite(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.connectAs(engine.freshDatabase(), "analytics_reader")) {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT * FROM kpi.data_quality_funnel").close();
                s.executeQuery("SELECT * FROM ml.current_repurchase_score").close();
                s.executeQuery("SELECT * FROM ml.current_repurchase_profit_curve").close();
                s.executeQuery("SELECT * FROM ml.campaign_assumptions").close();
                s.executeQuery("SELECT * FROM ml.current_repurchase_reason").close();
                s.executeQuery("SELECT * FROM ml.repurchase_reason").close();
                assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE ml.campaign_assumptions SET contact_cost = 0"));
                s.executeQuery("SELECT * FROM kpi.revenue_actual_vs_forecast").close();
                assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM ml.model_run").close());
                assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM ml.repurchase_score").close());
                s.executeQuery("SELECT * FROM ml.current_model_artefact").close();
                assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM ml.model_artefact").close());
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
    @BabelfishGap("ownership chaining")
    void theLoaderRoleCanStageAndCleanButNotTouchTheSalesModelDirectly(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.connectAs(engine.freshDatabase(), "etl_loader")) {
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
        try (Connection c = engine.connectAs(engine.freshDatabase(), "sidecar_writer")) {
            try (Statement s = c.createStatement()) {
                long run = MlFixture.run(c, "forecast", "succeeded", "{\"mape\": 4.2}");
                s.executeUpdate("INSERT INTO ml.revenue_forecast (run_id, month_start, forecast, lo95, hi95) VALUES ("
                        + run + ", '2012-01-01', 100, 90, 110)");
                MlFixture.prune(c, engine.dialect(), 1);
                s.executeQuery("SELECT * FROM sales.invoice_line").close();
                s.executeQuery("SELECT * FROM kpi.data_quality_funnel").close();
                assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM sales.invoice_line"));
                assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM staging.retail_line").close());
            }
        }
    }
}
