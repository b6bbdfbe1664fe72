package org.ecom.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Every file the commands write (generated data, JSON summaries, the HTML report) is written whole
 * or not at all: into a hidden file beside its final place, then moved there in one step. An error,
 * or Ctrl-C, leaves the previous file (or none) and removes the hidden one.
 */
final class AtomicFile {

    /** Writes the content into the file it is given. */
    interface Content {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFile() {
    }

    static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Files.createDirectories(absolute.getParent());
        if (Files.isDirectory(absolute)) {
            throw new IOException(absolute + ": it is a directory");
        }
        Path temporary = temporaryBeside(absolute);
        Thread cleanup = new Thread(() -> deleteQuietly(temporary)); // Ctrl-C runs shutdown hooks
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            content.writeTo(temporary);
            moveIntoPlace(temporary, absolute);
        } finally {
            deleteQuietly(temporary);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running already.
            }
        }
    }

    /**
     * A hidden name beside the target, not taken yet. Not Files.createTempFile: its files are
     * owner-only (0600), and the final file should get the usual permissions.
     */
    private static Path temporaryBeside(Path target) {
        SplittableRandom random = new SplittableRandom();
        while (true) {
            Path candidate = target.resolveSibling(String.format(Locale.ROOT, ".%s.%d-%08x.part",
                    target.getFileName(), ProcessHandle.current().pid(), random.nextInt()));
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Best effort: a leftover hidden .part file is harmless.
        }
    }
}
