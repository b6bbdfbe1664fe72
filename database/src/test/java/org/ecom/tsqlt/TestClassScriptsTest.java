package org.ecom.tsqlt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the test classes on the class path, and the shape every test class file must have. */
class TestClassScriptsTest {

    private static final Path TESTS_FOLDER = Path.of("..", "database", "mssql", "tests");
    private static final Pattern PROCEDURE = Pattern.compile(
            "(?im)^CREATE\\s+OR\\s+ALTER\\s+PROCEDURE\\s+(\\[?\\w+\\]?)\\.(\\[[^\\]]+\\]|\\w+)");

    @TempDir
    Path dir;

    @Test
    void listsTheSqlFilesOfAFolderOrAJarInNameOrder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("classes/db/mssql-tests"));
        Files.writeString(folder.resolve("zeta_tests.sql"), "EXEC tSQLt.NewTestClass 'zeta_tests';\nGO\n");
        Files.writeString(folder.resolve("alpha_tests.sql"), "EXEC tSQLt.NewTestClass 'alpha_tests';\nGO\n");
        Files.writeString(folder.resolve("README.md"), "not a test class");
        Files.createDirectories(folder.resolve("nested"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, null)) {
            List<TestClassScripts.Script> scripts = TestClassScripts.fromClassPath(loader);
            assertEquals(List.of("alpha_tests.sql", "zeta_tests.sql"), scripts.stream().map(TestClassScripts.Script::fileName).toList());
            assertEquals("EXEC tSQLt.NewTestClass 'alpha_tests';\n", scripts.get(0).batches().get(0).sql());
        }

        Path jar = dir.resolve("db.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry("db/mssql-tests/"));
            for (String name : new String[] {"db/mssql-tests/kpi_tests.sql", "db/mssql-tests/b/deeper.sql", "db/mssql/changelog.yaml"}) {
                out.putNextEntry(new JarEntry(name));
                write(out, "EXEC tSQLt.NewTestClass 'kpi_tests';\n");
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertEquals(List.of("kpi_tests.sql"),
                    TestClassScripts.fromClassPath(loader).stream().map(TestClassScripts.Script::fileName).toList());
        }
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertTrue(TestClassScripts.fromClassPath(empty).isEmpty());
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * database/mssql/tests/x_tests.sql: first batch EXEC tSQLt.NewTestClass 'x_tests', then one
     * procedure per batch, all in schema x_tests, and at least one named [test ...].
     */
    @Test
    void everyTestClassFileCreatesItsClassThenItsProcedures() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(TESTS_FOLDER)) {
            files = listing.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertTrue(files.size() >= 4, "test classes in " + TESTS_FOLDER.toAbsolutePath() + ": " + files);
        for (Path file : files) {
            String className = file.getFileName().toString().replaceFirst("\\.sql$", "");
            List<SqlBatches.Batch> batches = SqlBatches.split(Files.readString(file));
            assertEquals("EXEC tSQLt.NewTestClass '" + className + "';", stripComments(batches.get(0).sql()), file.toString());
            int tests = 0;
            for (SqlBatches.Batch batch : batches.subList(1, batches.size())) {
                Matcher procedure = PROCEDURE.matcher(batch.sql());
                assertTrue(procedure.find(), file + ":" + batch.firstLine() + ": one CREATE OR ALTER PROCEDURE per batch");
                assertEquals(className, procedure.group(1).replaceAll("[\\[\\]]", ""), file + ":" + batch.firstLine());
                assertFalse(procedure.find(), file + ":" + batch.firstLine() + ": one procedure per batch");
                if (batch.sql().matches("(?is).*PROCEDURE\\s+\\w+\\.\\[test .*")) {
                    tests++;
                }
            }
            assertTrue(tests > 0, file + " has no [test ...] procedure");
            assertFalse(Files.readString(file).contains("--liquibase"), file + " is not a Liquibase changelog");
        }
    }

    private static String stripComments(String sql) {
        return sql.replaceAll("(?m)^--.*$", "").strip();
    }
}
