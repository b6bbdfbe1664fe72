package org.ecom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.ecom.db.Dialect;
import org.ecom.db.MlFixture;
import org.ecom.db.Rows;
import org.ecom.generate.GeneratorSettings;
import org.ecom.generate.RetailDataGenerator;
import org.ecom.pipeline.Pipeline;
import org.ecom.sync.WarehouseSync;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./ecom sync} on real servers: embedded PostgreSQL to a second PostgreSQL database, and
 * PostgreSQL to the T-SQL engine and back; an interrupted sync resumed; the dry run; --verify
 * finding a changed figure. The source holds two generated files, one with an unreadable row
 * (a rejection to carry over) and non-ASCII text (the checksums hash UTF-8 on every engine).
 */
@DatabaseTest
class SyncCommandTest {

    private static final AtomicInteger TARGETS = new AtomicInteger();

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    /** Runs the command line; returns its exit code and what it printed on stdout. */
    private record Run(int exitCode, String out) {
    }

    private Run execute(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = EcomCommand.commandLine();
            cli.setErr(new PrintWriter(err, true));
            return new Run(cli.execute(args), out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
    }

    /** A deployed PostgreSQL database holding two loaded files. */
    private DatabaseTarget source() throws Exception {
        DatabaseTarget source = ContractEngines.freshPostgres();
        Path first = dir.resolve("first.csv");
        new RetailDataGenerator(new GeneratorSettings(3_000, 5)).write(first);
        Files.writeString(first, "489999,85048,CAFÉ CRÈME SET,abc,2011-12-01 07:45:00,1.5,13085.0,France\n"
                        + "489998,85049,CAFÉ CRÈME SET,6,2011-12-01 07:45:00,1.5,13085.0,France\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path second = dir.resolve("second.csv");
        new RetailDataGenerator(new GeneratorSettings(2_000, 6)).write(second);
        new Pipeline(source).run(List.of(first, second), Pipeline.Listener.QUIET);
        return source;
    }

    /** A new PostgreSQL database on the test server, not deployed. */
    private static DatabaseTarget emptyPostgres() {
        String name = "sync_target_" + TARGETS.incrementAndGet();
        ContractEngines.postgresServer().createDatabase(name, null, false);
        return ContractEngines.postgresServer().target(name);
    }

    @Test
    void postgresToPostgresDeploysCopiesAndVerifies() throws Exception {
        DatabaseTarget source = source();
        DatabaseTarget target = emptyPostgres();

        Run dryRun = execute("sync", "--from", source.jdbcUrl(), "--to", target.jdbcUrl(), "--dry-run");
        assertEquals(0, dryRun.exitCode(), err.toString());
        assertTrue(dryRun.out().contains("would deploy the schema on the target"), dryRun.out());
        assertTrue(dryRun.out().contains("would copy 2 of the source's 2 batch(es)"), dryRun.out());
        assertTrue(dryRun.out().contains("first.csv  3,001 lines, 1 rejected"), dryRun.out());
        assertTrue(dryRun.out().contains("second.csv"), dryRun.out());
        assertEquals(0, Rows.number(target, "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'staging'"),
                "a dry run deploys nothing");

        Run sync = execute("sync", "--from", source.jdbcUrl(), "--to", target.jdbcUrl(), "--verify");
        assertEquals(0, sync.exitCode(), sync.out() + err);
        assertTrue(sync.out().matches("(?s).*all \\d+ objects equal.*"), sync.out());
        assertTrue(sync.out().contains("equal    sales.invoice_line"), sync.out());
        assertTrue(sync.out().contains("equal    kpi.data_quality_funnel"), sync.out());
        try (Connection s = source.connect(); Connection t = target.connect()) {
            String rejections = "SELECT batch_id, line_number, raw_text, reason FROM staging.rejected_line ORDER BY 1, 2";
            assertEquals(Rows.rows(s, rejections), Rows.rows(t, rejections));
            assertEquals(1, Rows.rows(t, rejections).size());
            String lines = "SELECT batch_id, line_number, invoice, stock_code, description, quantity, invoice_date, price,"
                    + " customer_id, country FROM staging.retail_line ORDER BY 1, 2";
            assertEquals(Rows.rows(s, lines), Rows.rows(t, lines));
        }

        Run again = execute("sync", "--from", source.jdbcUrl(), "--to", target.jdbcUrl(), "--dry-run");
        assertTrue(again.out().contains("would copy 0 of the source's 2 batch(es)"), again.out());

        // One cent more on one line of the target: the checksum of that table, and those built on it, differ.
        try (Connection t = target.connect()) {
            t.createStatement().execute("UPDATE sales.invoice_line SET unit_price = unit_price + 0.01"
                    + " WHERE invoice_line_id = (SELECT MIN(invoice_line_id) FROM sales.invoice_line)");
        }
        Run verify = execute("sync", "--from", source.jdbcUrl(), "--to", target.jdbcUrl(), "--verify");
        assertEquals(1, verify.exitCode(), verify.out());
        assertTrue(verify.out().contains("DIFFERS  sales.invoice_line"), verify.out());
        assertTrue(verify.out().contains("equal    sales.invoice "), verify.out());
        assertTrue(err.toString().contains("objects differ: sales.invoice_line"), err.toString());
    }

    @Test
    void anInterruptedSyncLeavesWholeBatchesAndTheNextRunGoesOn() throws Exception {
        DatabaseTarget source = source();
        DatabaseTarget target = emptyPostgres();
        WarehouseSync.Listener failingInSecondBatch = new WarehouseSync.Listener() {
            public LongConsumer linesCopied(WarehouseSync.Batch batch) {
                return lines -> {
                    if (batch.batchId() == 2 && lines > 0) {
                        throw new IllegalStateException("interrupted");
                    }
                };
            }

            public void stageStarted(String stage) {
            }

            public void batchDone(WarehouseSync.Copied copied) {
            }
        };
        assertThrows(IllegalStateException.class, () -> new WarehouseSync(source, target).run(failingInSecondBatch));

        try (Connection t = target.connect()) {
            assertEquals(List.of("1|cleaned"), Rows.rows(t, "SELECT batch_id, status FROM staging.load_batch"));
            assertEquals("0", Rows.scalar(t, "SELECT COUNT(*) FROM staging.retail_line WHERE batch_id <> 1"));
            assertEquals(List.of("1"), Rows.rows(t, "SELECT batch_id FROM quality.batch_governance"));
        }
        Run resumed = execute("sync", "--from", source.jdbcUrl(), "--to", target.jdbcUrl(), "--verify");
        assertEquals(0, resumed.exitCode(), resumed.out() + err);
        assertTrue(resumed.out().contains("1 batch(es) copied"), resumed.out());
        assertTrue(resumed.out().contains("batch 2 second.csv"), resumed.out());
    }

    /** Model runs as the sidecar leaves them: an older and a current segmentation, a failed forecast. */
    private static void segmentRun(DatabaseTarget source) throws Exception {
        try (Connection s = source.connect()) {
            MlFixture.run(s, "segments", "succeeded", "{}");
            long current = MlFixture.run(s, "segments", "succeeded", "{\"k\": 4}");
            MlFixture.run(s, "forecast", "failed", null);
            s.createStatement().execute("INSERT INTO ml.customer_segment (run_id, customer_id, segment_id, segment_name)"
                    + " SELECT " + current + ", customer_id, customer_id % 4, 'Loyal' FROM sales.customer");
        }
    }

    @Test
    void theCurrentModelRunsCopyWithTheirRows() throws Exception {
        DatabaseTarget source = source();
        segmentRun(source);
        DatabaseTarget target = emptyPostgres();
        Run sync = execute("sync", "--from", source.jdbcUrl(), "--to", target.jdbcUrl(), "--with-models");
        assertEquals(0, sync.exitCode(), sync.out() + err);
        assertTrue(sync.out().contains("copied 1 model run(s)"), sync.out());
        try (Connection s = source.connect(); Connection t = target.connect()) {
            String view = "SELECT customer_id, segment_id, segment_name FROM ml.current_customer_segment ORDER BY 1";
            assertTrue(Rows.rows(s, view).size() > 10);
            assertEquals(Rows.rows(s, view), Rows.rows(t, view));
            assertEquals(Rows.rows(s, "SELECT metrics_json FROM ml.current_model_run"),
                    Rows.rows(t, "SELECT metrics_json FROM ml.current_model_run"));
        }
        Run again = execute("sync", "--from", source.jdbcUrl(), "--to", target.jdbcUrl(), "--with-models");
        assertTrue(again.out().contains("copied 0 model run(s)"), again.out());
    }

    @Test
    void postgresToTheTsqlEngineAndBack() throws Exception {
        String url = System.getenv(ContractEngines.MSSQL_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            System.err.printf("%n%s%n##%n##  SYNC TO THE T-SQL ENGINE SKIPPED: %s is not set%n##%n%s%n%n", "#".repeat(72),
                    ContractEngines.MSSQL_URL_VARIABLE, "#".repeat(72));
            Assumptions.abort(ContractEngines.MSSQL_URL_VARIABLE + " is not set: no T-SQL engine to sync with");
        }
        DatabaseTarget source = source();
        segmentRun(source);
        DatabaseTarget tsql = ContractEngines.all().filter(e -> e.dialect() == Dialect.MSSQL).findFirst().orElseThrow()
                .freshDatabase();
        Run there = execute("sync", "--from", source.jdbcUrl(), "--to", tsql.jdbcUrl(), "--verify", "--with-models");
        assertEquals(0, there.exitCode(), there.out() + err);
        assertTrue(there.out().matches("(?s).*all \\d+ objects equal.*"), there.out());
        assertTrue(there.out().contains("copied 1 model run(s)"), there.out());

        DatabaseTarget back = emptyPostgres();
        Run andBack = execute("sync", "--from", tsql.jdbcUrl(), "--to", back.jdbcUrl(), "--verify", "--with-models");
        assertEquals(0, andBack.exitCode(), andBack.out() + err);
        try (Connection s = source.connect(); Connection t = tsql.connect(); Connection b = back.connect()) {
            String rejections = "SELECT batch_id, line_number, raw_text, reason FROM staging.rejected_line ORDER BY 1, 2";
            assertEquals(Rows.rows(s, rejections), Rows.rows(b, rejections));
            String segments = "SELECT customer_id, segment_id, segment_name FROM ml.current_customer_segment ORDER BY 1";
            assertEquals(Rows.rows(s, segments), Rows.rows(t, segments));
            assertEquals(Rows.rows(s, segments), Rows.rows(b, segments));
        }
    }
}
