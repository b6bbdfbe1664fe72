package org.ecom.tsqlt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The tSQLt test classes of the project: every {@code *.sql} under {@code db/mssql-tests/} on the
 * class path (database/mssql/tests/ in the sources, one file per class), in name order. A new file
 * there is picked up without any list to edit.
 */
public final class TestClassScripts {

    public static final String FOLDER = "db/mssql-tests/";

    /** One test class file: {@code staging_tests.sql} and its text. */
    public record Script(String fileName, String text) {
        public List<SqlBatches.Batch> batches() {
            return SqlBatches.split(text);
        }
    }

    private TestClassScripts() {
    }

    public static List<Script> fromClassPath() {
        return fromClassPath(TestClassScripts.class.getClassLoader());
    }

    public static List<Script> fromClassPath(ClassLoader loader) {
        URL folder = loader.getResource(FOLDER);
        if (folder == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try {
            switch (folder.getProtocol()) {
                case "file" -> {
                    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                        files.map(p -> p.getFileName().toString()).forEach(names::add);
                    }
                }
                case "jar" -> {
                    JarURLConnection connection = (JarURLConnection) folder.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        jar.stream().map(JarEntry::getName)
                                .filter(name -> name.startsWith(FOLDER) && name.indexOf('/', FOLDER.length()) < 0)
                                .map(name -> name.substring(FOLDER.length()))
                                .forEach(names::add);
                    }
                }
                default -> throw new IllegalStateException("cannot list " + folder);
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the tSQLt test classes in " + folder + ": " + e.getMessage(), e);
        }
        List<Script> scripts = new ArrayList<>();
        names.stream().filter(name -> name.endsWith(".sql")).sorted(Comparator.naturalOrder()).forEach(name -> {
            try (InputStream in = loader.getResourceAsStream(FOLDER + name)) {
                if (in == null) {
                    throw new IllegalStateException("cannot read " + FOLDER + name);
                }
                scripts.add(new Script(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return List.copyOf(scripts);
    }
}
