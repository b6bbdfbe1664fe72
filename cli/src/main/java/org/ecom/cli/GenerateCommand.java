package org.ecom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecom.generate.GeneratorSettings;
import org.ecom.generate.RetailDataGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecom generate --rows N --seed S --out FILE}: writes synthetic Online Retail II data (see
 * {@link RetailDataGenerator}). The file is written beside the target under a temporary name and
 * moved into place at the end, so an interrupted run leaves no half-written file behind.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Writes synthetic sales in the Online Retail II CSV format, with the real data's shape and"
                    + " quirks (anonymous rows, duplicates, cancellations, adjustments).",
            "The same rows and seed give a byte-identical file; a name ending in .gz is gzip-compressed.",
        })
public final class GenerateCommand implements Callable<Integer> {
    /** Files of at least this many rows get progress lines, one per million rows. */
    static final long PROGRESS_FROM = 1_000_000;

    @Option(names = "--rows", defaultValue = "100000", paramLabel = "N",
            description = "Data rows to write, header not counted (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The CSV file to write (.csv, or .csv.gz for gzip); replaced if it exists.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path target = out.toAbsolutePath().normalize();
        GeneratorSettings settings;
        try {
            settings = new GeneratorSettings(rows, seed);
        } catch (IllegalArgumentException e) {
            err.println("ecom: error: generate: " + oneLine(e, target));
            err.flush();
            return EcomCommand.USAGE;
        }
        try {
            long start = System.nanoTime();
            AtomicFile.write(target, temporary -> new RetailDataGenerator(settings).write(temporary,
                    RetailDataGenerator.isGzipName(target), written -> reportProgress(err, written)));
            double seconds = (System.nanoTime() - start) / 1e9;
            err.println(String.format(Locale.ROOT,
                    "generate: wrote %,d rows (seed %d, %,d bytes) to %s in %.1f s (%,.0f rows/s)",
                    rows, seed, Files.size(target), target, seconds, rows / Math.max(seconds, 1e-9)));
            err.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("generate: " + oneLine(e, target));
            err.flush();
            return 1;
        }
    }

    private void reportProgress(PrintWriter err, long written) {
        if (rows >= PROGRESS_FROM && written % PROGRESS_FROM == 0 && written < rows) {
            err.println(String.format(Locale.ROOT, "generate: %,d of %,d rows (%d%%)",
                    written, rows, written * 100 / rows));
            err.flush();
        }
    }

    /** One line saying what went wrong, naming the file where it helps. */
    private static String oneLine(Exception e, Path target) {
        String message;
        if (e instanceof FileSystemException f) {
            String file = f.getFile() == null ? String.valueOf(target) : f.getFile();
            String reason = e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileAlreadyExistsException ? "exists and is not a directory"
                    : f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
            message = "cannot write " + target + ": " + file + ": " + reason;
        } else if (e instanceof IOException) {
            message = "cannot write " + target + ": " + e.getMessage();
        } else {
            message = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}
