package org.ecom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTest;
import org.ecom.db.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 17, case 2: the embedded database is recognised as this project's, and its superuser
 * needs the generated password.
 */
@DatabaseTest
class DatabaseIdentityTest {

    @TempDir
    Path dir;

    /** Another PostgreSQL (the tests' own) on the port: every command that opens the embedded database refuses it. */
    @Test
    void aPortHeldByAnotherServerIsAnErrorForEveryCommand() throws Exception {
        int taken = ContractEngines.postgresServer().port();
        Path input = Files.writeString(dir.resolve("small.csv"),
                "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n"
                        + "489434,85048,LIGHT,12,2009-12-01 07:45:00,6.95,13085.0,United Kingdom\n");
        Path home = dir.resolve("home");
        String previous = System.getProperty("ecom.home");
        System.setProperty("ecom.home", home.toString());
        try {
            String port = Integer.toString(taken);
            for (List<String> args : List.of(List.of("db", "--embedded-port", port),
                    List.of("report", "--embedded-port", port, "--out", dir.resolve("r.html").toString()),
                    List.of("sidecar", "--once", "--embedded-port", port),
                    List.of("run", "--embedded-port", port, "--input", input.toString(), "--skip-sidecar"),
                    List.of("load", "--embedded-port", port, input.toString()))) {
                StringWriter err = new StringWriter();
                CommandLine cli = EcomCommand.commandLine();
                cli.setErr(new PrintWriter(err, true));
                assertEquals(1, cli.execute(args.toArray(String[]::new)), args + ": " + err);
                assertEquals("ecom: error: port " + port + " is in use by another program, not by the embedded PostgreSQL of "
                        + home.resolve("pgdata") + ": pass --embedded-port with a free port (this project's database then"
                        + " starts there), or stop the server on port " + port, err.toString().strip(), args.toString());
            }
        } finally {
            if (previous == null) {
                System.clearProperty("ecom.home");
            } else {
                System.setProperty("ecom.home", previous);
            }
        }
    }

    @Test
    void theSuperuserNeedsTheGeneratedPasswordAndASecondStartReusesTheServer() throws Exception {
        Path data = dir.resolve("pgdata");
        int port = EcomProcess.freePort();
        try (EmbeddedDatabase embedded = EmbeddedDatabase.start(data, dir.resolve("pg-runtime"), port)) {
            Path passwordFile = EmbeddedDatabase.passwordFile(data);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
            assertFalse(Files.readString(data.resolve("pg_hba.conf")).contains("trust"));

            SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + port + "/ecom?user=postgres").close());
            assertTrue(refused.getMessage().contains("password"), refused.getMessage());
            try (var c = embedded.target().connect()) {
                assertTrue(c.isValid(5));
            }

            try (EmbeddedDatabase again = EmbeddedDatabase.start(data, dir.resolve("pg-runtime"), port)) {
                assertFalse(again.ownsServer(), "the running server is reused");
                assertEquals(embedded.jdbcUrl("ecom"), again.jdbcUrl("ecom"));
            }
            // Another data folder asking for the same port: refused, not served by this one's server.
            EmbeddedDatabase.NotOursException other = assertThrows(EmbeddedDatabase.NotOursException.class,
                    () -> EmbeddedDatabase.start(dir.resolve("other"), dir.resolve("pg-runtime"), port));
            assertTrue(other.getMessage().startsWith("port " + port + " is in use by another program"), other.getMessage());
        }
    }
}
