package org.ecom.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The printed T-SQL run by hand as a DBA would, with a real client, on the T-SQL server of
 * {@code ECOM_TEST_MSSQL_URL} (in CI, Babelfish), into a new empty database: it deploys, and
 * ./ecom deploy afterwards has nothing left to do. The client is FreeTDS's bsqldb (Debian's
 * freetds-bin): like sqlcmd with :on error exit, it stops at the first error with a non-zero exit
 * code, so the script's one sqlcmd command is the only line it is not given. Without the server or
 * the client the test skips, loudly.
 */
@DatabaseTest
class DbaScriptTest {

    private static final Pattern URL = Pattern.compile("jdbc:sqlserver://([^:;/]+)(?::(\\d+))?[^;]*;(.*)");

    @Test
    void theScriptDeploysWithARealClientAndLeavesTheDeployerNothingToDo() throws Exception {
        String url = System.getenv(ContractEngines.MSSQL_URL_VARIABLE);
        skipLoudlyUnless(url != null && !url.isBlank(), ContractEngines.MSSQL_URL_VARIABLE + " is not set");
        skipLoudlyUnless(onPath("bsqldb"), "bsqldb not found (apt-get install freetds-bin)");
        DatabaseTarget database = ContractEngines.newTsqlDatabase("ecom_dba_script");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Connection c = database.connect()) {
            if (Babelfish.is(c)) {
                Deployer.printBabelfishSql(printed);
            } else {
                Deployer.printSql(Dialect.MSSQL, printed);
            }
        }
        String script = printed.toString(StandardCharsets.UTF_8);
        assertEquals(1, script.lines().filter(l -> l.startsWith(":")).count(), "one sqlcmd command: " + script.lines()
                .filter(l -> l.startsWith(":")).toList());
        Path file = Files.createDirectories(Path.of("target")).resolve("dba-script.sql");
        Files.writeString(file, script.replaceFirst("(?m)^:on error exit$", ""));
        runBsqldb(database, file);

        List<String> recorded = trackingRows(database);
        assertFalse(recorded.isEmpty());
        Deployer.deploy(database);
        assertEquals(recorded, trackingRows(database), "./ecom deploy after the script ran or re-ran a changeset");

        try (Connection c = database.connect()) {
            new StagingFixture(c, Dialect.MSSQL).tenRows("fixture.csv");
            assertEquals("3", Rows.scalar(c, "SELECT clean_rows FROM quality.batch_governance"),
                    "the database the script made works");
        }
    }

    /** Every recorded changeset, with when and in which order it ran. */
    private static List<String> trackingRows(DatabaseTarget database) throws SQLException {
        try (Connection c = database.connect()) {
            return Rows.rows(c, "SELECT ID, FILENAME, MD5SUM, ORDEREXECUTED, DATEEXECUTED, DEPLOYMENT_ID"
                    + " FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED, ID");
        }
    }

    private static void runBsqldb(DatabaseTarget database, Path script) throws IOException, InterruptedException {
        Matcher url = URL.matcher(database.jdbcUrl());
        if (!url.matches()) {
            fail("cannot read host, port and properties from " + database);
        }
        String port = url.group(2) == null ? "1433" : url.group(2);
        List<String> command = List.of("bsqldb", "-S", url.group(1) + ":" + port, "-U", property(url.group(3), "user"),
                "-P", property(url.group(3), "password"), "-D", property(url.group(3), "databaseName"),
                "-i", script.toString());
        Path output = Files.createTempFile("bsqldb", ".out");
        Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!run.waitFor(10, TimeUnit.MINUTES)) {
            run.destroyForcibly();
            fail("bsqldb took more than 10 minutes on " + script);
        }
        List<String> lines = Files.readAllLines(output);
        if (run.exitValue() != 0) {
            fail("bsqldb stopped with exit code " + run.exitValue() + " on " + script + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
        }
    }

    private static String property(String properties, String name) {
        Matcher m = Pattern.compile("(?i)(?:^|;)\\s*" + name + "\\s*=([^;]*)").matcher(properties);
        if (!m.find()) {
            fail("the URL in " + ContractEngines.MSSQL_URL_VARIABLE + " has no " + name + "=");
        }
        return m.group(1);
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static void skipLoudlyUnless(boolean condition, String reason) {
        if (!condition) {
            System.err.printf("%n%s%n##%n##  DBA SCRIPT TEST SKIPPED: %s%n##  The printed T-SQL was NOT run by a client.%n##%n%s%n%n",
                    "#".repeat(72), reason, "#".repeat(72));
            Assumptions.abort("printed T-SQL not run: " + reason);
        }
    }
}
