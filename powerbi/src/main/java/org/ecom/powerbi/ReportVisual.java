package org.ecom.powerbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A visual of a PBIR report page ({@code definition/pages/<page>/visuals/<name>/visual.json}) and
 * the model fields it uses.
 */
public record ReportVisual(String page, String name, String visualType, List<ReportField> fields, Path file) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean isSlicer() {
        return "slicer".equals(visualType);
    }

    /** {@code page/visual}, as the filter-reach matrix names it. */
    public String key() {
        return page + "/" + name;
    }

    /** The visuals of every page of the report folder, by page and visual folder name. A file that does not parse is left to {@link ReportChecker}. */
    public static List<ReportVisual> read(Path reportFolder) throws IOException {
        Path pages = reportFolder.resolve("definition").resolve("pages");
        List<ReportVisual> visuals = new ArrayList<>();
        if (!Files.isDirectory(pages)) {
            return visuals;
        }
        for (Path file : visualFiles(pages)) {
            JsonNode tree;
            try {
                tree = JSON.readTree(file.toFile());
            } catch (JsonProcessingException e) {
                continue;
            }
            Path visualFolder = file.getParent();
            visuals.add(new ReportVisual(visualFolder.getParent().getParent().getFileName().toString(),
                    visualFolder.getFileName().toString(), tree.path("visual").path("visualType").asText(""),
                    ReportField.in(tree), file));
        }
        return visuals;
    }

    private static List<Path> visualFiles(Path pages) throws IOException {
        try (Stream<Path> walk = Files.walk(pages, 4)) {
            return walk.filter(f -> f.getFileName().toString().equals("visual.json"))
                    .filter(f -> f.getParent().getParent().getFileName().toString().equals("visuals"))
                    .sorted().toList();
        }
    }
}
