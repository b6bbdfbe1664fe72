package org.ecom.db;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * sqlfluff's T-SQL parse tree of a folder, by the T-SQL gate's pinned sqlfluff
 * (database/tsql-gate), parsed once (half a minute for database/mssql; a later test JVM reuses
 * the tree while the files are unchanged), and the
 * gate's Python scripts that read it. Without Python the gate skips, and so do the tests that
 * need it, loudly.
 */
final class TsqlParseTree {

    private static final Map<String, Path> PARSED = new HashMap<>();

    private TsqlParseTree() {
    }

    /** The parse tree (sqlfluff's JSON) of a folder of the project, e.g. database/mssql. */
    static synchronized Path of(String folder) throws IOException, InterruptedException {
        Path parsed = PARSED.get(folder);
        if (parsed != null) {
            return parsed;
        }
        Path root = ProjectFiles.root();
        Path python = python(root);
        Path target = Files.createDirectories(root.resolve("database/target"));
        String name = folder.replaceAll("[^A-Za-z0-9]+", "-");
        parsed = target.resolve("tsql-parse-" + name + ".json");
        // The unit tests and the integration tests run in two JVMs: the second reuses the first's
        // tree while no file under the folder (nor the config) is newer. Written under another name
        // and moved when whole, so a failed or cut parse is never taken for one.
        if (Files.exists(parsed) && Files.getLastModifiedTime(parsed).compareTo(newestInput(root, folder)) > 0) {
            PARSED.put(folder, parsed);
            return parsed;
        }
        Path partial = target.resolve("tsql-parse-" + name + ".json.partial");
        Path errors = target.resolve("tsql-parse-" + name + ".stderr");
        // sqlfluff takes one path: the whole folder.
        Process parse = new ProcessBuilder(python.resolveSibling("sqlfluff").toString(), "parse",
                "--dialect", "tsql", "--templater", "raw", "--config", "database/mssql/.sqlfluff",
                "--format", "json", "--nocolor", folder)
                .directory(root.toFile())
                .redirectOutput(partial.toFile())
                .redirectError(errors.toFile())
                .start();
        if (!parse.waitFor(5, TimeUnit.MINUTES)) {
            parse.destroyForcibly();
            fail("sqlfluff parse of " + folder + " took more than 5 minutes");
        }
        if (parse.exitValue() != 0) {
            fail("sqlfluff could not parse " + folder + " (exit code " + parse.exitValue()
                    + "; database/tsql-gate/check-tsql names the file and line):\n" + tail(errors));
        }
        Files.move(partial, parsed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        PARSED.put(folder, parsed);
        return parsed;
    }

    /** The last change to the parse's inputs: the files under the folder and sqlfluff's config. */
    private static FileTime newestInput(Path root, String folder) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve(folder))) {
            FileTime newest = Files.getLastModifiedTime(root.resolve("database/mssql/.sqlfluff"));
            for (Path file : (Iterable<Path>) files::iterator) {
                FileTime modified = Files.getLastModifiedTime(file);
                if (modified.compareTo(newest) > 0) {
                    newest = modified;
                }
            }
            return newest;
        }
    }

    /** Runs database/tsql-gate/SCRIPT on a parse tree, from the project root. */
    static ProcessResult runScript(String script, Path parsed) throws IOException, InterruptedException {
        Path root = ProjectFiles.root();
        return run(root, List.of(python(root).toString(), root.resolve("database/tsql-gate").resolve(script).toString(),
                parsed.toString()));
    }

    /**
     * The Python of the T-SQL gate's virtualenv (sqlfluff, pinned by requirements.txt). When it is
     * missing or stale, the gate builds it (and checks the T-SQL while at it); without Python the
     * gate skips, and so does the calling test, loudly.
     */
    private static Path python(Path root) throws IOException, InterruptedException {
        Path venv = root.resolve(".ecom/venv-tsql-gate");
        Path python = venv.resolve("bin/python");
        if (!venvIsCurrent(root, venv)) {
            Path gate = root.resolve("database/tsql-gate/check-tsql");
            ProcessResult result;
            try {
                result = run(root, List.of(gate.toString()));
            } catch (IOException e) {
                result = new ProcessResult(-1, "", "cannot run " + gate + ": " + e.getMessage());
            }
            if (!venvIsCurrent(root, venv)) {
                String reason = result.output().contains("T-SQL GATE SKIPPED")
                        ? "Python 3 not found (set ECOM_PYTHON or -Decom.python)"
                        : "database/tsql-gate/check-tsql could not build " + venv;
                System.err.printf("%n%s%n##%n##  T-SQL PARSE TREE TESTS SKIPPED: %s%n##%n##  database/mssql was NOT"
                        + " compared with database/postgresql, nor its collations checked.%n##%n%s%n%s%n%n", "#".repeat(72),
                        reason, "#".repeat(72), result.output());
                Assumptions.abort("T-SQL parse tree not read: " + reason);
            }
        }
        return python;
    }

    private static boolean venvIsCurrent(Path root, Path venv) throws IOException {
        Path stamp = venv.resolve(".requirements.sha256");
        return Files.isExecutable(venv.resolve("bin/sqlfluff")) && Files.isExecutable(venv.resolve("bin/python"))
                && Files.isRegularFile(stamp)
                && Files.readString(stamp).strip().equals(sha256(root.resolve("database/tsql-gate/requirements.txt")));
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record ProcessResult(int exitCode, String stdout, String stderr) {
        String output() {
            return (stdout + "\n" + stderr).strip();
        }
    }

    private static ProcessResult run(Path directory, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tsql-gate", ".out");
        Path err = Files.createTempFile("tsql-gate", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new ProcessResult(-1, "", String.join(" ", command) + ": timed out");
            }
            return new ProcessResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
