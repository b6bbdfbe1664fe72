package org.ecom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** ./ecom publish as a user meets it: a dry run names every request, a bad workspace id is one line. */
class PublishCommandTest {

    private static final String PROJECT = Path.of(System.getProperty("ecom.project.root", ".."), "powerbi").toString();

    @Test
    void aDryRunPrintsTheRequestsForBothItemsAndSendsNone() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, EcomCommand.commandLine().execute("publish", "--workspace", "11111111-2222-3333-4444-555555555555",
                    "--dry-run", "--project", PROJECT, "--api", "http://127.0.0.1:9/v1/"));
        } finally {
            System.setOut(stdout);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("POST http://127.0.0.1:9/v1/workspaces/11111111-2222-3333-4444-555555555555/semanticModels"), printed);
        assertTrue(printed.contains("POST http://127.0.0.1:9/v1/workspaces/11111111-2222-3333-4444-555555555555/reports"), printed);
    }

    @Test
    void aWorkspaceThatIsNoIdIsAOneLineUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = EcomCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));

        assertEquals(2, cli.execute("publish", "--workspace", "my-workspace", "--dry-run", "--project", PROJECT));

        assertEquals("ecom: error: workspace id is not a UUID: 'my-workspace'", err.toString().strip());
    }
}
