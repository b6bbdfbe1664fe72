package org.ecom.azure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads Bicep files by their path from the project root (azure/bicep/main.bicep), so findings
 * print short paths. A test may break a file on purpose: {@link #replacing} edits its text in
 * memory, never on disk.
 */
record TemplateFiles(Path projectRoot, Map<Path, List<Edit>> edits) {

    /** Replace {@code original} with {@code broken}; {@code original} must occur in the file. */
    record Edit(String original, String broken) {
    }

    static TemplateFiles inProject() {
        for (Path candidate : List.of(Path.of(System.getProperty("ecom.project.root", ".")), Path.of(".."), Path.of("."))) {
            if (Files.isRegularFile(candidate.resolve("azure/bicep/main.bicep"))) {
                return new TemplateFiles(candidate.toAbsolutePath().normalize(), Map.of());
            }
        }
        throw new IllegalStateException("cannot find azure/bicep/main.bicep from " + Path.of("").toAbsolutePath());
    }

    TemplateFiles replacing(String file, String original, String broken) {
        Map<Path, List<Edit>> more = new HashMap<>(edits);
        more.merge(Path.of(file), List.of(new Edit(original, broken)),
                (before, added) -> Stream.concat(before.stream(), added.stream()).toList());
        return new TemplateFiles(projectRoot, Map.copyOf(more));
    }

    BicepFile read(Path file) {
        String text;
        try {
            text = Files.readString(projectRoot.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Edit edit : edits.getOrDefault(file, List.of())) {
            if (!text.contains(edit.original())) {
                throw new IllegalArgumentException(file + " does not contain the text to break: " + edit.original());
            }
            text = text.replace(edit.original(), edit.broken());
        }
        return BicepReader.read(file, text);
    }
}
