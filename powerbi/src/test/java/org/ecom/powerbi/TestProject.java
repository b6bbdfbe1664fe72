package org.ecom.powerbi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The repository's Power BI project and T-SQL folders, and copies of the project to change in a test. */
public final class TestProject {

    private TestProject() {
    }

    /** powerbi/, from the ecom.project.root system property (the repository root; "..", the module's parent, by default). */
    public static Path folder() {
        return root().resolve("powerbi");
    }

    public static Path tsqlFolder() {
        return root().resolve("database").resolve("mssql");
    }

    private static Path root() {
        return Path.of(System.getProperty("ecom.project.root", "..")).toAbsolutePath().normalize();
    }

    /** The PBIP items and files of powerbi/ copied into the folder; the Maven module's src and target left out. */
    public static Path copyTo(Path to) throws IOException {
        Path from = folder();
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.filter(p -> !p.startsWith(from.resolve("target")) && !p.startsWith(from.resolve("src"))).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}
