package org.ecom.cli;

import static org.ecom.db.Rows.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.function.IntSupplier;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.ecom.db.Rows;
import org.ecom.generate.GeneratorSettings;
import org.ecom.generate.RetailDataGenerator;
import org.ecom.pipeline.AnomalyDetection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user meets it: exit codes, one-line errors, the JSON summary, help. */
@DatabaseTest
class EcomCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cli = EcomCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void runWritesTheJsonSummary() throws Exception {
        String url = ContractEngines.freshPostgres().jdbcUrl();
        Path input = Files.writeString(dir.resolve("small.csv"),
                "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n"
                        + "489434,85048,LIGHT,12,2009-12-01 07:45:00,6.95,13085.0,United Kingdom\n"
                        + "489434,85048,LIGHT,12,2009-12-01 07:45:00,6.95,13085.0,United Kingdom\n"
                        + "489435,22350,CAT,4,2009-12-01 08:00:00,2.10,,United Kingdom\n"
                        + "C489449,22087,PAPER,-12,2009-12-01 10:33:00,0.29,16321.0,Australia\n");
        Path json = dir.resolve("out/summary.json");

        assertEquals(0, execute("run", "--db", url, "--input", input.toString(), "--json", json.toString(),
                "--skip-sidecar"), err.toString());

        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertEquals(4, summary.get("raw_rows").asLong());
        assertEquals(0, summary.get("rejected_rows").asLong());
        assertEquals(1, summary.get("missing_customer_rows").asLong());
        assertEquals(1, summary.get("duplicate_rows").asLong());
        assertEquals(1, summary.get("cancellation_rows").asLong());
        assertEquals(1, summary.get("clean_rows").asLong());
        assertEquals(83.40, summary.get("clean_revenue").asDouble(), 1e-9);
        assertEquals(1, summary.get("customers").asLong());
        assertEquals(0, summary.get("quantity_anomalies").asLong(), "one clean line: no spread, nothing stands out");
        for (String stage : new String[] {"deploy", "load", "govern", "clean", "summarize", "detect", "total"}) {
            assertTrue(summary.get("elapsed_ms").has(stage), stage);
        }
    }

    @Test
    void loadLeavesTheAnomaliesInStepWithTheLoadedData() throws Exception {
        DatabaseTarget target = ContractEngines.freshPostgres();
        // What detection flags, line by line: after each load it must already be what a fresh pass finds.
        String flagged = "SELECT method, invoice_line_id, score FROM quality.anomaly ORDER BY method, invoice_line_id";
        for (long seed : new long[] {3, 4}) {
            Path file = dir.resolve("day" + seed + ".csv");
            new RetailDataGenerator(new GeneratorSettings(4_000, seed)).write(file);

            assertEquals(0, execute("load", "--db", target.jdbcUrl(), file.toString()), err.toString());

            List<String> afterLoad = rows(target, flagged);
            assertFalse(afterLoad.isEmpty(), "generated data has outliers to flag");
            AnomalyDetection.run(target);
            assertEquals(rows(target, flagged), afterLoad, "anomalies after loading " + file.getFileName());
        }
        assertEquals(0, number(target, "SELECT COUNT(*) FROM quality.anomaly AS a"
                + " LEFT JOIN sales.invoice_line AS l ON l.invoice_line_id = a.invoice_line_id WHERE l.invoice_line_id IS NULL"));
    }

    @Test
    void aFolderLoadsItsFilesInNameOrderOnceEachWithALinePerFile() throws Exception {
        String url = ContractEngines.freshPostgres().jdbcUrl();
        Path folder = Files.createDirectory(dir.resolve("daily"));
        String header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n";
        Files.writeString(folder.resolve("2010-01-02.csv"), header
                + "489436,22113,HEART,24,2010-01-02 09:00:00,1.25,12345.0,France\n");
        Files.writeString(folder.resolve("2010-01-01.csv"), header
                + "489434,85048,LIGHT,12,2010-01-01 07:45:00,6.95,13085.0,United Kingdom\n"
                + "489434,85048,LIGHT,12,2010-01-01 07:45:00,6.95,13085.0,United Kingdom\n");
        Files.writeString(folder.resolve(".2010-01-03.csv.part"), "still being copied");

        List<String> first = fileLines(() -> execute("load", "--db", url, folder.toString()));
        assertEquals(2, first.size(), first.toString());
        assertTrue(first.get(0).matches("2010-01-01\\.csv: batch \\d+, 2 rows, 1 clean, revenue 83\\.40, 1 duplicates,"
                + " 0 rejected, [0-9.]+ s"), first.get(0));
        assertTrue(first.get(1).startsWith("2010-01-02.csv: batch "), first.get(1));

        List<String> again = fileLines(() -> execute("load", "--db", url, folder.toString()));
        assertEquals(2, again.size(), again.toString());
        for (String line : again) {
            assertTrue(line.matches(".*\\.csv: already loaded as batch \\d+, skipped"), line);
        }

        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals(2, execute("load", "--db", url, empty.toString()), "an empty folder is a usage error");
        assertTrue(err.toString().contains("no file to load"), err.toString());
    }

    /** The lines a command prints on stdout about files (one per file loaded or skipped); it must exit 0. */
    private List<String> fileLines(IntSupplier command) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, command.getAsInt(), err.toString());
        } finally {
            System.setOut(stdout);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(".csv: ")).toList();
    }

    private static List<String> rows(DatabaseTarget target, String sql) throws Exception {
        try (Connection c = target.connect()) {
            return Rows.rows(c, sql);
        }
    }


    @Test
    void aBadFileFailsWithOneLineNamingItAndExitCodeOne() throws Exception {
        String url = ContractEngines.freshPostgres().jdbcUrl();
        Path input = Files.writeString(dir.resolve("orders.csv"), "order_id,amount\n1,2.5\n");
        Path json = dir.resolve("summary.json");

        assertEquals(1, execute("run", "--db", url, "--input", input.toString(), "--json", json.toString()));

        String message = err.toString().strip();
        assertTrue(message.startsWith("ecom: error: " + input + ": line 1: not Online Retail data"), message);
        assertFalse(message.contains("\n"), message);
        assertFalse(Files.exists(json), "no summary for a failed run");
    }

    @Test
    void aMissingFileAndAnUnknownDatabaseAreOneLineUsageErrors() {
        assertEquals(2, execute("load", "--db", "jdbc:postgresql://localhost:1/none", dir.resolve("nope.csv").toString()));
        assertEquals(2, execute("run", "--db", "jdbc:mysql://localhost/x", "--input", dir.resolve("nope.csv").toString()));
        for (String line : err.toString().strip().split("\n")) {
            assertTrue(line.startsWith("ecom: error: "), line);
        }
    }

    @Test
    void everyCommandExplainsItself() {
        for (String command : new String[] {"run", "deploy", "load", "generate", "db", "sidecar", "report", "test-db"}) {
            StringWriter out = new StringWriter();
            CommandLine cli = EcomCommand.commandLine();
            cli.setOut(new PrintWriter(out, true));
            assertEquals(0, cli.execute(command, "--help"), command);
            assertTrue(out.toString().startsWith("Usage: ecom " + command), out.toString());
        }
    }

    @Test
    void runEndsWithTheSidecarAndItsSummaryCarriesEachModelsHeadline() throws Exception {
        String url = ContractEngines.freshPostgres().jdbcUrl();
        Path input = dir.resolve("generated.csv");
        new RetailDataGenerator(new GeneratorSettings(20_000, 11)).write(input);
        Path json = dir.resolve("summary.json");

        assertEquals(0, execute("run", "--db", url, "--input", input.toString(), "--json", json.toString()), err.toString());

        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        for (String figure : new String[] {"segments", "repurchase_test_auc", "recommendation_hr10", "popularity_hr10",
            "forecast_mape"}) {
            assertTrue(summary.has(figure), figure + " missing from " + summary);
        }
        assertTrue(summary.get("elapsed_ms").has("sidecar"));

        Path passJson = dir.resolve("pass.json");
        assertEquals(0, execute("sidecar", "--once", "--db", url, "--models", "forecast,segments", "--json", passJson.toString()),
                err.toString());
        JsonNode pass = new ObjectMapper().readTree(passJson.toFile());
        assertEquals("forecast", pass.get("models").get(0).get("kind").asText());
        assertEquals(2, pass.get("models").size());
    }

    @Test
    void theSidecarRefusesAnUnknownModelAndABadSchedule() {
        assertEquals(2, execute("sidecar", "--models", "horoscope"));
        assertTrue(err.toString().contains("unknown model 'horoscope'"), err.toString());
        assertEquals(2, execute("sidecar", "--db", "jdbc:postgresql://localhost:1/none", "--schedule", "0 3 * *"));
        assertTrue(err.toString().contains("ecom: error: invalid cron expression '0 3 * *'"), err.toString());
    }
}
