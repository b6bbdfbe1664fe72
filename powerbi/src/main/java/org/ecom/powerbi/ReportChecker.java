package org.ecom.powerbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks the JSON side of the project: every JSON file (.json, .pbir, .pbism, .pbip, .platform) parses, and
 * every field a visual or page uses ({@code Column} or {@code Measure} on a {@code SourceRef}
 * entity) exists in the model.
 */
public final class ReportChecker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportChecker() {
    }

    public static List<Problem> check(Path projectFolder, SemanticModel model) throws IOException {
        List<Problem> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(projectFolder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(json|pbir|pbism|pbip|platform)$"))
                    .filter(f -> !projectFolder.relativize(f).startsWith("target"))
                    .sorted().toList();
        }
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode tree;
            try {
                tree = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                problems.add(new Problem(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                        "not valid JSON: " + e.getOriginalMessage()));
                continue;
            }
            checkFields(file, text, tree, model, problems);
        }
        return problems;
    }

    private static void checkFields(Path file, String text, JsonNode tree, SemanticModel model, List<Problem> problems) {
        for (ReportField field : ReportField.in(tree)) {
            if (!field.existsIn(model)) {
                problems.add(new Problem(file, lineOf(text, "\"" + field.property() + "\""),
                        "uses unknown " + (field.measure() ? "measure " : "column ") + field));
            }
        }
    }

    /** The first line holding the text, for messages (Jackson's tree keeps no positions). */
    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
