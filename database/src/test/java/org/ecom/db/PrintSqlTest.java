package org.ecom.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The T-SQL that a first deploy would run, printed offline: what a DBA reviews before a release. */
class PrintSqlTest {

    /** A tracking row: the changeset's id (ecom:ID in the changelog) and its file. */
    private static final Pattern TRACKING_ROW = Pattern.compile(
            "INSERT INTO DATABASECHANGELOG \\([^)]*\\) VALUES \\('([^']+)', 'ecom', '([^']+)'");

    private static String print() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deployer.printSql(Dialect.MSSQL, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheWholeChangelog() throws IOException {
        String sql = print();
        // Left in target/ for a person to read.
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("mssql-deploy.sql"), sql);
        assertTrue(sql.contains("CREATE OR ALTER PROCEDURE sales.clean_batch"), sql);
        for (String file : ProjectFiles.sqlFiles(Dialect.MSSQL)) {
            if (file.contains("/tables/")) {
                String table = file.replace("/tables/", ".").replace(".sql", "");
                assertTrue(sql.contains("CREATE TABLE " + table + " ("), "no CREATE TABLE " + table);
            }
        }
    }

    @Test
    void keepsEveryViewAndProcedureInOneBatch() {
        String sql = print();
        for (String file : ProjectFiles.sqlFiles(Dialect.MSSQL)) {
            String source = ProjectFiles.read(Dialect.MSSQL, file).replace("\r\n", "\n");
            int start = source.indexOf("CREATE OR ALTER ");
            if (start < 0) {
                continue;
            }
            // The module as written, up to its GO, must come out whole between two GO lines.
            String module = source.substring(start, source.indexOf("\nGO", start)).strip();
            assertTrue(batches(sql).stream().anyMatch(batch -> withoutChangesetHeader(batch).equals(module)),
                    file + " is not printed as one batch, comments kept");
        }
    }

    /**
     * What a DBA runs by hand: sqlcmd stops at the first error, the database setting comes before
     * any object, then Liquibase's tracking table, then every changeset in changelog order, each
     * followed by the row that records it, so that ./ecom deploy afterwards finds it done.
     */
    @Test
    void isAScriptForSqlcmdThatRecordsEveryChangesetAsADeployDoes() {
        String sql = print();
        List<String> code = sql.lines().filter(l -> !l.isBlank() && !l.startsWith("--")).toList();
        assertEquals(":on error exit", code.get(0));
        int setting = sql.indexOf("SET READ_COMMITTED_SNAPSHOT ON");
        int trackingTable = sql.indexOf("CREATE TABLE DATABASECHANGELOG (");
        int firstChangeset = sql.indexOf("-- Changeset ");
        assertTrue(0 < setting && setting < trackingTable && trackingTable < firstChangeset,
                "setting, then tracking table, then changesets");

        List<String> changesets = new ArrayList<>();
        for (String file : ProjectFiles.includes(Dialect.MSSQL)) {
            ProjectFiles.changesetIds(Dialect.MSSQL, file)
                    .forEach(id -> changesets.add(id.substring(id.indexOf(':') + 1) + " db/mssql/" + file));
        }
        Matcher row = TRACKING_ROW.matcher(sql);
        List<String> recorded = new ArrayList<>();
        while (row.find()) {
            recorded.add(row.group(1) + " " + row.group(2));
        }
        assertEquals(changesets, recorded, "one tracking row per changeset, in changelog order");
        assertEquals(changesets.size(), sql.split("(?m)^-- Changeset ").length - 1);
    }

    /**
     * The script for Babelfish: the adjustments applied, and Liquibase's tracking tables in lower
     * case as the deployer names them there; the SQL Server script has neither.
     */
    @Test
    void theBabelfishScriptHasItsAdjustmentsAndTheSqlServerScriptNone() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deployer.printBabelfishSql(out);
        String babelfish = out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        String sqlServer = print();
        assertTrue(babelfish.contains("CREATE TABLE databasechangelog ("));
        assertTrue(babelfish.contains("DROP VIEW IF EXISTS kpi.rfm\nGO\n"), "a view dropped and created");
        assertTrue(babelfish.contains("\nCREATE VIEW kpi.rfm"));
        assertFalse(babelfish.contains("CREATE OR ALTER"));
        assertFalse(babelfish.contains("COLUMNSTORE INDEX"));
        assertFalse(babelfish.contains("FOREIGN KEY (invoice_no)"));
        assertTrue(babelfish.contains("REFERENCES ml.model_run (run_id) ON DELETE CASCADE"));

        assertTrue(sqlServer.contains("CREATE TABLE DATABASECHANGELOG ("));
        assertFalse(sqlServer.contains("DROP VIEW IF EXISTS"));
        assertTrue(sqlServer.contains("CREATE CLUSTERED COLUMNSTORE INDEX cci_invoice_line ON sales.invoice_line"));
        assertTrue(sqlServer.contains("CONSTRAINT fk_invoice_line_invoice FOREIGN KEY (invoice_no)"));
        assertTrue(sqlServer.contains("CREATE ROLE etl_loader AUTHORIZATION dbo"));
    }

    @Test
    void printsTheSameTwice() {
        assertEquals(stable(print()), stable(print()),
                "a second call must print everything again (Liquibase's offline tracking file)");
    }

    /** The batches of a script: what lies between lines holding only GO. */
    private static List<String> batches(String script) {
        return java.util.Arrays.stream(script.replace("\r\n", "\n").split("(?m)^GO\\s*$"))
                .map(String::strip)
                .toList();
    }

    /** A batch without the "-- Changeset path::id::author" line Liquibase prints before a changeset. */
    private static String withoutChangesetHeader(String batch) {
        return batch.replaceFirst("^-- Changeset \\S+\n", "").strip();
    }

    /** The script without what names a run: the header's time and offline URL, the tracking rows' deployment id. */
    private static String stable(String script) {
        return script.replaceAll("(?m)^-- (Ran at|Against|Liquibase version): .*$", "")
                .replaceAll("(?m)'\\d{10}'\\)$", "'deployment')");
    }
}
