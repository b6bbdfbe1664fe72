package org.ecom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecom.db.DatabaseTest;
import org.ecom.db.EmbeddedDatabase;
import org.ecom.db.Rows;
import org.ecom.generate.GeneratorSettings;
import org.ecom.generate.RetailDataGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, case 5: Ctrl-C during a load on the embedded database cancels the statement, rolls
 * the batch back, says so on one line, exits 130 and stops the server the command started.
 */
@DatabaseTest
class InterruptTest {

    @TempDir
    Path dir;

    @Test
    void sigintDuringCleaningRollsBackAndStopsTheEmbeddedServer() throws Exception {
        Path file = dir.resolve("big.csv.gz");
        new RetailDataGenerator(new GeneratorSettings(300_000, 5)).write(file);
        Path home = dir.resolve("home");
        int port = EcomProcess.freePort();

        EcomProcess load = EcomProcess.start(dir.resolve("load.log"), List.of("-Decom.home=" + home),
                "load", "--embedded-port", Integer.toString(port), file.toString());
        assertTrue(load.awaitLine(line -> line.equals("ecom: clean...")), "the load reaches the cleaning: " + load.output());
        new ProcessBuilder("kill", "-INT", Long.toString(load.process().pid())).start().waitFor();

        assertEquals(130, load.exitCode(), load.output());
        String output = load.output();
        assertTrue(output.strip().endsWith("ecom: interrupted: batch rolled back, nothing changed"), output);
        assertFalse(output.contains("ecom: error"), output);
        assertTrue(load.process().waitFor(1, TimeUnit.SECONDS));
        assertFalse(Files.exists(home.resolve("pgdata").resolve("postmaster.pid")), "the embedded server was stopped");

        try (EmbeddedDatabase embedded = EmbeddedDatabase.start(home.resolve("pgdata"), home.resolve("pg-runtime"), port);
             Connection c = embedded.target().connect()) {
            for (String table : List.of("staging.load_batch", "staging.retail_line", "sales.invoice_line", "mart.invoice_summary")) {
                assertEquals("0", Rows.scalar(c, "SELECT COUNT(*) FROM " + table), table);
            }
        }
    }
}
