package org.ecom.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.ecom.db.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 17, case 4: the statistics of what a step filled are current before the next step plans. */
@DatabaseTest
class StatisticsTest {

    /** A table each step fills, and the step after which its statistics must be current. */
    private static final List<String> FILLED = List.of("staging.retail_line", "sales.invoice_line", "mart.invoice_summary");

    @TempDir
    Path dir;

    /**
     * Stale on purpose: autovacuum off and the statistics taken while the tables were empty (what
     * the reload after an interrupted load met). After the pipeline they count the rows loaded.
     */
    @Test
    void statisticsTakenOnEmptyTablesAreRefreshedByEachStep() throws Exception {
        DatabaseTarget target = ContractEngines.freshPostgres();
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            for (String table : FILLED) {
                s.execute("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
                s.execute("ANALYZE " + table);
                assertEquals("0", Rows.scalar(c, "SELECT reltuples::bigint FROM pg_class WHERE oid = '" + table + "'::regclass"));
            }
        }
        StringBuilder csv = new StringBuilder("Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append(500000 + i / 2).append(",P").append(i % 97).append(",THING,").append(1 + i % 5)
                    .append(",2010-03-01 10:00:00,1.25,").append(12000 + i % 300).append(",France\n");
        }
        new Pipeline(target).run(Files.writeString(dir.resolve("stats.csv"), csv, StandardCharsets.UTF_8));

        try (Connection c = target.connect()) {
            for (String table : FILLED) {
                assertEquals(Rows.scalar(c, "SELECT COUNT(*) FROM " + table),
                        Rows.scalar(c, "SELECT reltuples::bigint FROM pg_class WHERE oid = '" + table + "'::regclass"),
                        table + ": the planner's row count");
            }
        }
    }

    /** The procedure on both engines: each step runs, and an unknown step is an error, not a silent no-op. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void everyStepRunsAndAnUnknownStepIsRefused(ContractEngines.Engine engine) throws Exception {
        try (Connection c = engine.freshConnection()) {
            String call = engine.dialect().callStatement("staging.refresh_statistics", 1);
            for (String step : List.of("load", "clean", "summarize")) {
                try (PreparedStatement s = c.prepareStatement(call)) {
                    s.setString(1, step);
                    s.execute();
                }
            }
            try (PreparedStatement s = c.prepareStatement(call)) {
                s.setString(1, "vacuum");
                SQLException e = assertThrows(SQLException.class, s::execute);
                assertTrue(e.getMessage().contains("unknown step 'vacuum'"), e.getMessage());
            }
        }
    }
}
