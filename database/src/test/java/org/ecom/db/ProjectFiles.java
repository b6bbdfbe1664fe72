package org.ecom.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The changelog sources as they sit in the project folder (not the copies on the classpath). */
final class ProjectFiles {

    private static final Pattern INCLUDE = Pattern.compile("^\\s*-\\s*include:.*\\bfile:\\s*([^,}\\s]+)");
    private static final Pattern CHANGESET = Pattern.compile("^--changeset\\s+(\\S+)");

    private ProjectFiles() {
    }

    /**
     * The project root: the {@code ecom.project.root} system property that surefire sets, else the
     * module's parent folder; whichever holds database/postgresql.
     */
    static Path root() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("ecom.project.root");
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        candidates.add(Path.of(".."));
        candidates.add(Path.of("."));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve("database/postgresql/changelog.yaml"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("cannot find the project root (database/postgresql) from " + candidates);
    }

    /** The folder of a dialect's changelog: database/postgresql or database/mssql. */
    static Path dialectFolder(Dialect dialect) {
        return root().resolve("database").resolve(dialect.liquibaseName());
    }

    /** Every .sql file of a dialect, as paths relative to its folder with '/' separators, sorted. */
    static List<String> sqlFiles(Dialect dialect) {
        Path folder = dialectFolder(dialect);
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> p.toString().endsWith(".sql"))
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    // database/mssql/tests/ holds server-side tests, not deployed objects
                    .filter(p -> !p.startsWith("tests/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files a dialect's changelog.yaml includes, in order. */
    static List<String> includes(Dialect dialect) {
        List<String> files = new ArrayList<>();
        for (String line : lines(dialectFolder(dialect).resolve("changelog.yaml"))) {
            Matcher m = INCLUDE.matcher(line);
            if (m.find()) {
                files.add(m.group(1));
            }
        }
        return files;
    }

    /** The ids of the {@code --changeset author:id} lines of a changelog file, in order. */
    static List<String> changesetIds(Dialect dialect, String relativePath) {
        List<String> ids = new ArrayList<>();
        for (String line : lines(dialectFolder(dialect).resolve(relativePath))) {
            Matcher m = CHANGESET.matcher(line);
            if (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    static String read(Dialect dialect, String relativePath) {
        try {
            return Files.readString(dialectFolder(dialect).resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
