package org.ecom.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The T-SQL that a first deploy would run, printed offline: what a DBA reviews before a release. */
class PrintSqlTest {

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

    @Test
    void printsTheSameTwice() {
        assertEquals(stable(print()), stable(print()),
                "a second call must print everything again (Liquibase's offline tracking file)");
    }

    /** The batches of a script: what lies between lines holding only GO. */
    private static java.util.List<String> batches(String script) {
        return java.util.Arrays.stream(script.replace("\r\n", "\n").split("(?m)^GO\\s*$"))
                .map(String::strip)
                .toList();
    }

    /** A batch without the "-- Changeset path::id::author" line Liquibase prints before a changeset. */
    private static String withoutChangesetHeader(String batch) {
        return batch.replaceFirst("^-- Changeset \\S+\n", "").strip();
    }

    /** The script without the header lines that name the time and the offline URL of a run. */
    private static String stable(String script) {
        return script.replaceAll("(?m)^-- (Ran at|Against|Liquibase version): .*$", "");
    }
}
