package org.ecom.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.ecom.generate.GeneratorSettings;
import org.ecom.generate.RetailDataGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ecom generate} through picocli (kept in this package so the generator test filter runs it). */
class GenerateCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new GenerateCommand());
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void writesTheFileAndOneSummaryLine() throws IOException {
        Path out = dir.resolve("sub/retail.csv.gz");
        assertEquals(0, run("--rows", "5000", "--seed", "9", "--out", out.toString()));
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = text.lines().toList();
        assertEquals(RetailDataGenerator.HEADER_TEXT, lines.get(0));
        assertEquals(5001, lines.size());
        List<String> messages = err.toString().lines().toList();
        assertEquals(1, messages.size(), err.toString());
        assertTrue(messages.get(0).startsWith("generate: wrote 5,000 rows"), messages.get(0));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "no temporary file left");
        }

        // Same as the API with the same settings.
        Path direct = dir.resolve("direct.csv.gz");
        new RetailDataGenerator(new GeneratorSettings(5000, 9)).write(direct);
        assertArrayEquals(Files.readAllBytes(direct), Files.readAllBytes(out));
    }

    @Test
    void defaultsAreAHundredThousandRowsAndSeed42() throws IOException {
        Path out = dir.resolve("default.csv");
        assertEquals(0, run("--out", out.toString()));
        try (Stream<String> lines = Files.lines(out)) {
            assertEquals(100_001, lines.count());
        }
    }

    @Test
    void failureIsExitCodeOneWithOneLineAndNoFile() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-directory"), "x");
        Path out = blocker.resolve("retail.csv");
        assertEquals(1, run("--rows", "10", "--out", out.toString()));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("generate: "), err.toString());
        assertFalse(Files.exists(out));

        err.getBuffer().setLength(0);
        assertEquals(2, run("--rows", "-5", "--out", dir.resolve("neg.csv").toString()), "a usage error");
        assertTrue(err.toString().contains("rows must be zero or more"), err.toString());
        assertFalse(Files.exists(dir.resolve("neg.csv")));
    }

    @Test
    void outIsRequired() {
        assertEquals(2, run("--rows", "10"));
        assertTrue(err.toString().contains("--out"), err.toString());
    }
}
