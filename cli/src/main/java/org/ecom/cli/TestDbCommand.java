package org.ecom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.Deployer;
import org.ecom.tsqlt.TestClassScripts;
import org.ecom.tsqlt.TestResults;
import org.ecom.tsqlt.TsqltSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "test-db", mixinStandardHelpOptions = true,
        description = {
            "Run the tSQLt unit tests of the T-SQL objects (database/mssql/tests: one test class per schema) on a SQL Server database: deploy the schema, install tSQLt if --tsqlt is given and it is missing, install the test classes, run them, write a JUnit XML report and print N passed, M failed.",
            "",
            "Use a development or CI database: the command deploys the changelog there and installs tSQLt and the test classes in it (the tests themselves roll back). --db is required on purpose: $ECOM_DB_URL is not used.",
            "",
            "tSQLt needs CLR: on SQL Server 2017+ (clr strict security) run the PrepareServer.sql of the tSQLt download once per server as sysadmin, or enable CLR yourself (sp_configure 'clr enabled', 1). Azure SQL Database has no CLR, so tSQLt cannot run there; use SQL Server (a container will do) or Azure SQL Managed Instance."},
        footer = {"", "Exit codes: 0 every test passed, 1 a test failed or the run could not happen (one line on stderr).",
            "", "Examples:",
            "  export ECOM_DB_USER=sa ECOM_DB_PASSWORD=...",
            "  URL='jdbc:sqlserver://localhost;databaseName=ecom_test;encrypt=false'",
            "  ./ecom test-db --db \"$URL\" --tsqlt tSQLt.class.sql   installs tSQLt if missing",
            "  ./ecom test-db --db \"$URL\" --class sales_tests       one test class"})
final class TestDbCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "JDBC_URL", required = true,
            description = "The SQL Server database to test: jdbc:sqlserver://host:port;databaseName=...  Credentials: in the URL, or $ECOM_DB_USER and $ECOM_DB_PASSWORD.")
    String jdbcUrl;

    @Option(names = "--tsqlt", paramLabel = "FILE",
            description = "tSQLt.class.sql from the tSQLt download (https://tsqlt.org/downloads/): installed first when tSQLt is not in the database yet.")
    Path tsqltScript;

    @Option(names = "--junit", paramLabel = "OUT", defaultValue = "target/tsqlt-results.xml",
            description = "Where to write the JUnit XML report (default: ${DEFAULT-VALUE}).")
    Path junitReport;

    @Option(names = "--class", paramLabel = "NAME",
            description = "Run one test class (e.g. staging_tests) instead of all of them.")
    String testClass;

    @Override
    public Integer call() throws IOException, SQLException {
        DatabaseTarget target = target();
        if (tsqltScript != null && !Files.isRegularFile(tsqltScript)) {
            throw new IllegalArgumentException("--tsqlt " + tsqltScript + ": no such file (the tSQLt.class.sql of the tSQLt download)");
        }
        List<TestClassScripts.Script> testClasses = TestClassScripts.fromClassPath();
        if (testClasses.isEmpty()) {
            throw new IllegalStateException("no tSQLt test classes on the class path (" + TestClassScripts.FOLDER + "): rebuild with ./mvnw install");
        }

        long start = System.nanoTime();
        Deployer.deploy(target);
        Console.status("deployed to " + target);

        try (Connection connection = target.connect()) {
            TsqltSession tsqlt = new TsqltSession(connection);
            installTsqltIfMissing(tsqlt);
            for (TestClassScripts.Script script : testClasses) {
                tsqlt.runScript(script.fileName(), script.text());
            }
            Console.status("installed test classes " + String.join(", ",
                    testClasses.stream().map(s -> s.fileName().replaceFirst("\\.sql$", "")).toList()));

            Console.status(testClass == null ? "running tSQLt.RunAll" : "running tSQLt.Run '" + testClass + "'");
            Optional<SQLException> runError = tsqlt.run(testClass);
            String xml = tsqlt.resultXml();
            TestResults results = TestResults.parse(xml);
            if (results.testCases().isEmpty()) {
                throw new IllegalStateException(runError
                        .map(e -> "the tSQLt run failed: " + e.getMessage())
                        .orElse("no test ran" + (testClass == null ? "" : " (is " + testClass + " a test class?)")));
            }
            writeReport(xml);
            if (results.allPassed()) {
                // tSQLt raises an error only when a test fails; one now means something else went wrong.
                runError.ifPresent(e -> Console.status("warning: tSQLt reported an error: " + e.getMessage()));
            }

            PrintWriter out = spec.commandLine().getOut();
            for (TestResults.TestCase failure : results.failures()) {
                out.println((failure.outcome() == TestResults.Outcome.ERROR ? "ERROR  " : "FAILED ") + failure.fullName());
                for (String line : failure.message().strip().split("\\R")) {
                    out.println("    " + line);
                }
            }
            out.println(results.summary());
            out.flush();
            Console.status("JUnit report in " + junitReport + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
            return results.allPassed() ? 0 : 1;
        }
    }

    /** The target of --db, which must be SQL Server: tSQLt exists nowhere else. */
    DatabaseTarget target() {
        String url = jdbcUrl.strip();
        if (!url.regionMatches(true, 0, "jdbc:sqlserver:", 0, "jdbc:sqlserver:".length())) {
            String shown = DatabaseTarget.masked(url);
            throw new IllegalArgumentException("test-db runs tSQLt, which needs SQL Server: --db must be jdbc:sqlserver://..., not '" + shown + "'");
        }
        return DatabaseOptions.targetOf(url);
    }

    private void installTsqltIfMissing(TsqltSession tsqlt) throws IOException, SQLException {
        if (tsqlt.isInstalled()) {
            String version = tsqlt.version().map(v -> " " + v).orElse("");
            Console.status("tSQLt" + version + " is installed" + (tsqltScript == null ? "" : "; --tsqlt not needed, left unused"));
            return;
        }
        if (tsqltScript == null) {
            throw new IllegalStateException("tSQLt is not installed in this database: download it from https://tsqlt.org/downloads/, "
                    + "run its PrepareServer.sql once per server (or enable CLR), then pass --tsqlt path/to/tSQLt.class.sql");
        }
        Console.status("installing tSQLt from " + tsqltScript);
        tsqlt.runScript(tsqltScript.getFileName().toString(), Files.readString(tsqltScript, StandardCharsets.UTF_8));
        if (!tsqlt.isInstalled()) {
            throw new IllegalStateException(tsqltScript + " ran but no tSQLt schema exists: is it tSQLt.class.sql?");
        }
        Console.status("tSQLt" + tsqlt.version().map(v -> " " + v).orElse("") + " installed");
    }

    private void writeReport(String xml) throws IOException {
        Path parent = junitReport.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String document = xml.startsWith("<?xml") ? xml : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml;
        Files.writeString(junitReport, document.endsWith("\n") ? document : document + "\n", StandardCharsets.UTF_8);
    }
}
