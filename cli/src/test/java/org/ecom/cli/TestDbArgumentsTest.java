package org.ecom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.ecom.cli.EcomCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** ./ecom test-db refuses what cannot work before it connects anywhere. */
class TestDbArgumentsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cli = EcomCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String oneErrorLine() {
        String message = err.toString().strip();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.startsWith("ecom: error: "), message);
        return message;
    }

    @Test
    void aPostgresqlUrlIsAOneLineErrorWithExitCodeTwo() {
        assertEquals(2, execute("test-db", "--db", "jdbc:postgresql://localhost:5432/ecom?password=secret"));
        String message = oneErrorLine();
        assertTrue(message.contains("--db must be jdbc:sqlserver://"), message);
        assertFalse(message.contains("secret"), "the password is not printed: " + message);
    }

    @Test
    void anythingButAJdbcUrlIsRefusedToo() {
        assertEquals(2, execute("test-db", "--db", "localhost:1433"));
        assertTrue(oneErrorLine().contains("needs SQL Server"));
    }

    @Test
    void aMissingTsqltFileIsRefusedBeforeConnecting() {
        // Port 1 would refuse a connection: the error must be about the file, not the server.
        assertEquals(2, execute("test-db", "--db", "jdbc:sqlserver://localhost:1;databaseName=x",
                "--tsqlt", dir.resolve("tSQLt.class.sql").toString()));
        assertTrue(oneErrorLine().contains("tSQLt.class.sql: no such file"));
    }

    @Test
    void dbIsRequired() {
        assertEquals(2, execute("test-db"));
        assertTrue(err.toString().contains("--db"), err.toString());
    }

    @Test
    void helpNamesEveryOptionAndTheClrPrerequisite() {
        assertEquals(0, execute("test-db", "--help"));
        String help = out.toString();
        for (String expected : new String[] {"--db", "--tsqlt", "--junit", "--class", "target/tsqlt-results.xml",
            "PrepareServer.sql", "clr enabled", "Azure SQL Database"}) {
            assertTrue(help.contains(expected), expected + " in\n" + help);
        }
    }
}
