package org.ecom.powerbi.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An item's definition as the Fabric API's Create Item and Update Item Definition take it: every
 * file of the PBIP item folder as a part (its path in the folder, its bytes in base64), Desktop's
 * per-user .pbi folder aside, with what publishing changes rewritten: the semantic model's Server
 * and Database parameters, and the report's reference to its model, by id (the API takes no
 * byPath reference).
 */
final class ItemDefinition {

    /** A part: its path in the item folder, forward slashes, and its bytes. */
    record Part(String path, byte[] content) {
    }

    static final String EXPRESSIONS = "definition/expressions.tmdl";
    static final String REPORT_REFERENCE = "definition.pbir";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ItemDefinition() {
    }

    static List<Part> semanticModel(Path folder, Environment environment) {
        return parts(folder, Map.of(EXPRESSIONS, text -> {
            String withServer = parameter(folder, text, "Server", environment.server());
            return parameter(folder, withServer, "Database", environment.database());
        }));
    }

    static List<Part> report(Path folder, String semanticModelId) {
        return parts(folder, Map.of(REPORT_REFERENCE, text -> {
            try {
                ObjectNode pbir = (ObjectNode) JSON.readTree(text);
                ObjectNode byConnection = JSON.createObjectNode().put("connectionString", "semanticmodelid=" + semanticModelId);
                pbir.set("datasetReference", JSON.createObjectNode().set("byConnection", byConnection));
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pbir) + "\n";
            } catch (IOException | ClassCastException e) {
                throw new PublishException(folder.resolve(REPORT_REFERENCE) + ": not a JSON object: " + e.getMessage(), e);
            }
        }));
    }

    /** {@code {"parts": [{"path", "payload", "payloadType": "InlineBase64"}...]}}. */
    static ObjectNode json(List<Part> parts) {
        ObjectNode definition = JSON.createObjectNode();
        ArrayNode array = definition.putArray("parts");
        for (Part part : parts) {
            array.addObject().put("path", part.path())
                    .put("payload", Base64.getEncoder().encodeToString(part.content()))
                    .put("payloadType", "InlineBase64");
        }
        return definition;
    }

    private interface Rewrite {
        String apply(String text);
    }

    private static List<Part> parts(Path folder, Map<String, Rewrite> rewrites) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !folder.relativize(f).startsWith(".pbi")).sorted().toList();
        } catch (IOException e) {
            throw new PublishException(folder + ": cannot list the item's files: " + e.getMessage(), e);
        }
        List<Part> parts = new ArrayList<>();
        for (Path file : files) {
            String path = folder.relativize(file).toString().replace('\\', '/');
            try {
                Rewrite rewrite = rewrites.get(path);
                parts.add(rewrite == null ? new Part(path, Files.readAllBytes(file))
                        : new Part(path, rewrite.apply(Files.readString(file, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new PublishException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
        for (String path : rewrites.keySet()) {
            if (parts.stream().noneMatch(p -> p.path().equals(path))) {
                throw new PublishException(folder.resolve(path) + ": missing, and publishing needs to set it");
            }
        }
        return parts;
    }

    /** The M parameter's value set: {@code expression Server = "..." meta [...]}, quotes doubled as M writes them. */
    private static String parameter(Path folder, String tmdl, String name, String value) {
        Matcher m = Pattern.compile("(?m)^(expression\\s+" + name + "\\s*=\\s*)\"(?:[^\"]|\"\")*\"").matcher(tmdl);
        if (!m.find()) {
            throw new PublishException(folder.resolve(EXPRESSIONS) + ": no parameter 'expression " + name + " = \"...\"' to set");
        }
        return tmdl.substring(0, m.start()) + m.group(1) + "\"" + value.replace("\"", "\"\"") + "\"" + tmdl.substring(m.end());
    }
}
