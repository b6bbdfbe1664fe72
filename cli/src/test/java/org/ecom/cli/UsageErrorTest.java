package org.ecom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 17, case 7: every usage error exits 2 with one line naming what is wrong, whatever the command. */
class UsageErrorTest {

    @TempDir
    Path dir;

    private String err;

    private int execute(String... args) {
        StringWriter buffer = new StringWriter();
        CommandLine cli = EcomCommand.commandLine();
        cli.setErr(new PrintWriter(buffer, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        int exit = cli.execute(args);
        err = buffer.toString();
        return exit;
    }

    @Test
    void everyCommandRefusesAnUnknownOptionWithExit2() {
        List<String> commands = EcomCommand.commandLine().getSubcommands().keySet().stream()
                .filter(name -> !name.equals("help")).toList();
        assertTrue(commands.size() >= 9, commands.toString());
        for (String command : commands) {
            assertEquals(2, execute(command, "--no-such-option"), command + ": " + err);
            assertTrue(err.startsWith("ecom: error: ") && err.strip().endsWith("(try: ./ecom " + command + " --help)"),
                    command + ": " + err);
            assertEquals(1, err.lines().count(), "one line: " + err);
        }
    }

    @Test
    void argumentsThatCannotWorkExit2() throws Exception {
        Path csv = Files.writeString(dir.resolve("a.csv"), "Invoice\n");
        Path emptyFolder = Files.createDirectory(dir.resolve("empty"));
        List<List<String>> usageErrors = List.of(
                List.of(),
                List.of("no-such-command"),
                List.of("run", "--input", csv.toString(), "--demo"),
                List.of("run", "--input", dir.resolve("missing.csv").toString()),
                List.of("load", dir.resolve("missing.csv").toString()),
                List.of("load", emptyFolder.toString()),
                List.of("run", "--input", dir.toString()),
                List.of("load", "--encoding", "latin9", csv.toString()),
                List.of("load", "--db", "jdbc:mysql://localhost/ecom", csv.toString()),
                List.of("report", "--db", "jdbc:mysql://localhost/ecom", "--out", dir.resolve("r.html").toString()),
                List.of("sidecar", "--db", "jdbc:mysql://localhost/ecom"),
                List.of("sidecar", "--schedule", "every day"),
                List.of("deploy", "--print-sql", "--dialect", "oracle"),
                List.of("generate", "--rows", "-5", "--out", dir.resolve("g.csv").toString()));
        for (List<String> args : usageErrors) {
            assertEquals(2, execute(args.toArray(String[]::new)), args + ": " + err);
            assertTrue(err.startsWith("ecom: error: "), args + ": " + err);
        }
        assertEquals(2, execute("run", "--input", dir.toString()));
        assertEquals("ecom: error: " + dir + ": is a directory, not a file", err.strip());
        assertEquals(2, execute("load", emptyFolder.toString()));
        assertTrue(err.contains(emptyFolder + ": no file to load in this folder"), err);
    }
}
