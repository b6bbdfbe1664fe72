package org.ecom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.ecom.db.Rows;
import org.ecom.generate.GeneratorSettings;
import org.ecom.generate.RetailDataGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A load killed half-way (kill -9, no chance to clean up) leaves no trace in the database. */
@DatabaseTest
class InterruptedLoadTest {

    @TempDir
    Path dir;

    @Test
    void aKilledLoadLeavesNoPartialBatch() throws Exception {
        Path file = dir.resolve("big.csv.gz");
        new RetailDataGenerator(new GeneratorSettings(1_000_000, 11)).write(file);
        DatabaseTarget target = ContractEngines.freshPostgres();

        EcomProcess load = EcomProcess.start(dir.resolve("load.log"), List.of(), "load", "--db", target.jdbcUrl(), file.toString());
        // a progress line: rows are streaming into staging
        boolean sawProgress = load.awaitLine(line -> line.contains("rows ("));
        load.process().destroyForcibly();
        assertTrue(load.process().waitFor(30, TimeUnit.SECONDS));
        assertTrue(sawProgress, "the load was killed while it was streaming rows");

        try (Connection c = target.connect()) {
            // Rows of an open transaction are invisible from here anyway: first wait until the
            // server has noticed the dead client and ended its session, rolling it back.
            assertEquals(0, waitForZero(c, "SELECT COUNT(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()"), "the killed session is gone");
            for (String table : List.of("staging.load_batch", "staging.retail_line", "quality.batch_governance",
                    "sales.invoice_line")) {
                assertEquals("0", Rows.scalar(c, "SELECT COUNT(*) FROM " + table), table);
            }
        }
    }

    private static int waitForZero(Connection c, String countQuery) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int count;
        do {
            count = Integer.parseInt(Rows.scalar(c, countQuery));
            if (count == 0) {
                return 0;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return count;
    }
}
