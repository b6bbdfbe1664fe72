package org.ecom.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.ecom.cli.EcomCommand;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.ecom.db.Rows;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * ./ecom serve's API on the T-SQL server of {@code ECOM_TEST_MSSQL_URL} (in CI, Babelfish), read
 * through a login that is a member of analytics_reader only, as a DBA sets it up there; and the
 * owner's login, which can write, refused in one line. Without a T-SQL server it skips, loudly.
 */
@DatabaseTest
class ServeApiTsqlTest extends ServeApiContract {

    @BeforeAll
    static void serve() throws Exception {
        String url = System.getenv(ContractEngines.MSSQL_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            System.err.printf("%n%s%n##%n##  SERVE API ON THE T-SQL ENGINE SKIPPED: %s is not set%n##%n%s%n%n", "#".repeat(72),
                    ContractEngines.MSSQL_URL_VARIABLE, "#".repeat(72));
            Assumptions.abort(ContractEngines.MSSQL_URL_VARIABLE + " is not set: no T-SQL engine to serve from");
        }
        use(ServedWarehouse.tsql());
    }

    @Test
    void aLoginThatCanWriteIsRefusedInOneLine() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ReaderPool.open(served.owner, Duration.ofSeconds(5)));
        assertTrue(refused.getMessage().contains("analytics_reader only"), refused.getMessage());

        StringWriter err = new StringWriter();
        CommandLine cli = EcomCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        // Were it not refused, serve would run until stopped: the time limit ends the test then.
        int exitCode = assertTimeoutPreemptively(Duration.ofMinutes(2),
                () -> cli.execute("serve", "--db", served.owner.jdbcUrl(), "--port", "0"));
        assertEquals(1, exitCode, err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("ecom: error: the database login can write"), err.toString());
    }

    /** The server shutting serve's login out (disabled, its sessions killed): 503 with its code, and answers again after. */
    @Test
    void aServerThatShutsTheReaderOutAnswers503() throws Exception {
        DatabaseTarget reader = ServedWarehouse.login(served.owner, "serve_shut_out", "analytics_reader");
        try (OwnServe serve = new OwnServe(reader)) {
            String base = serve.base;
            assertEquals(200, get(base, "/api/v1/customers/" + customer).status());
            try (Connection c = served.owner.connect(); Statement s = c.createStatement()) {
                s.execute("ALTER LOGIN " + reader.user() + " DISABLE");
                try {
                    for (String session : Rows.rows(c, "SELECT session_id FROM sys.dm_exec_sessions WHERE login_name = N'"
                            + reader.user() + "'")) {
                        s.execute("KILL " + session);
                    }
                    serve.data.refresh();
                    get(base, "/api/v1/customers/" + customer).isError(503, "database_unavailable", null);
                    get(base, "/api/v1/health").isError(503, "database_unavailable", null);
                } finally {
                    s.execute("ALTER LOGIN " + reader.user() + " ENABLE");
                }
            }
            serve.refreshUntilAnswering("/api/v1/customers/" + customer);
            assertEquals(200, get(base, "/api/v1/customers/" + customer).status());
            assertEquals(200, get(base, "/api/v1/health").status());
        }
    }

    /** A reader that is also a loader could write through the loader's procedures: refused too. */
    @Test
    void aReaderThatCanAlsoLoadIsRefused() throws Exception {
        DatabaseTarget loader = ServedWarehouse.login(served.owner, "serve_loader", "analytics_reader", "etl_loader");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ReaderPool.open(loader, Duration.ofSeconds(5)));
        assertTrue(refused.getMessage().contains("analytics_reader only"), refused.getMessage());
    }
}
