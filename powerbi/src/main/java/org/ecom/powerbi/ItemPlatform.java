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
import java.util.UUID;

/**
 * An item's {@code .platform} file, by which Fabric Git integration knows the item: its type
 * (SemanticModel, Report), display name, description and logicalId (the item across workspaces).
 */
public record ItemPlatform(String type, String displayName, String description, String logicalId, Path file) {

    public static final String FILE_NAME = ".platform";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The item folder's .platform, or an exception naming the file and what is wrong. */
    public static ItemPlatform read(Path itemFolder) throws IOException {
        Path file = itemFolder.resolve(FILE_NAME);
        List<String> errors = new ArrayList<>();
        ItemPlatform platform = parse(file, errors);
        if (!errors.isEmpty()) {
            throw new IOException(file + ": " + String.join("; ", errors));
        }
        return platform;
    }

    /** Problems of the item folder's .platform: missing, unreadable, or a type other than the folder's ({@code Ecom.Report}: Report). */
    static List<Problem> check(Path itemFolder) {
        Path file = itemFolder.resolve(FILE_NAME);
        List<String> errors = new ArrayList<>();
        ItemPlatform platform = parse(file, errors);
        String folderType = itemFolder.getFileName().toString().replaceFirst("^.*\\.", "");
        if (platform != null && !platform.type().equals(folderType)) {
            errors.add("metadata.type is " + platform.type() + ", the folder holds a " + folderType);
        }
        return errors.stream().map(e -> new Problem(file, 1, e)).toList();
    }

    private static ItemPlatform parse(Path file, List<String> errors) {
        if (!Files.isRegularFile(file)) {
            errors.add("no .platform file: Fabric Git integration identifies the item by it");
            return null;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return null; // ReportChecker reports the JSON error with its line
        } catch (IOException e) {
            errors.add("cannot read: " + e.getMessage());
            return null;
        }
        String type = tree.path("metadata").path("type").asText("");
        String displayName = tree.path("metadata").path("displayName").asText("");
        String logicalId = tree.path("config").path("logicalId").asText("");
        if (type.isEmpty() || displayName.isEmpty()) {
            errors.add("metadata.type and metadata.displayName are required");
        }
        try {
            UUID.fromString(logicalId);
        } catch (IllegalArgumentException e) {
            errors.add("config.logicalId is not a UUID: '" + logicalId + "'");
        }
        return new ItemPlatform(type, displayName, tree.path("metadata").path("description").asText(""), logicalId, file);
    }
}
