package org.ecom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.ecom.db.Rows;
import org.ecom.generate.GeneratorSettings;
import org.ecom.generate.RetailDataGenerator;
import org.ecom.pipeline.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, case 1: a small file overlapping a big one, loaded while the big one is still
 * copying, from another process. The second load waits (and says so), then sees the first one's
 * batch: every figure equals a single load of the big file.
 */
@DatabaseTest
class ConcurrentLoadTest {

    /** Figures a user reads, each compared in full. */
    private static final List<String> FIGURES = List.of(
            "SELECT COUNT(*), SUM(line_revenue) FROM sales.invoice_line",
            "SELECT COUNT(*) FROM sales.customer",
            "SELECT * FROM kpi.monthly_revenue ORDER BY 1",
            "SELECT * FROM mart.country_summary ORDER BY 1",
            "SELECT method, COUNT(*) FROM quality.anomaly GROUP BY method ORDER BY 1");

    @TempDir
    Path dir;

    @Test
    void overlappingLoadsQueueAndCountEveryLineOnce() throws Exception {
        Path big = dir.resolve("big.csv.gz");
        new RetailDataGenerator(new GeneratorSettings(300_000, 17)).write(big);
        Path small = firstLines(big, dir.resolve("small.csv"), 5_000);
        DatabaseTarget shared = ContractEngines.freshPostgres();

        EcomProcess first = EcomProcess.start(dir.resolve("first.log"), List.of(), "load", "--db", shared.jdbcUrl(), big.toString());
        assertTrue(first.awaitLine(line -> line.contains("rows (")), "the big load streams rows: " + first.output());
        EcomProcess second = EcomProcess.start(dir.resolve("second.log"), List.of(), "load", "--db", shared.jdbcUrl(), small.toString());
        assertEquals(0, second.exitCode(), second.output());
        assertEquals(0, first.exitCode(), first.output());
        assertTrue(second.output().contains("ecom: waiting for the load of big.csv.gz (server process "), second.output());
        assertTrue(second.output().contains("small.csv loaded as batch 2"), second.output());

        DatabaseTarget single = ContractEngines.freshPostgres();
        new Pipeline(single).run(big);
        try (Connection concurrent = shared.connect(); Connection alone = single.connect()) {
            for (String figure : FIGURES) {
                assertEquals(Rows.rows(alone, figure), Rows.rows(concurrent, figure), figure);
            }
        }
    }

    /** The header and the first {@code lines} lines of a .csv.gz, as a plain CSV. */
    private static Path firstLines(Path gzip, Path csv, int lines) throws Exception {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gzip)), StandardCharsets.UTF_8))) {
            Files.write(csv, in.lines().limit(lines + 1L).toList(), StandardCharsets.UTF_8);
        }
        return csv;
    }
}
