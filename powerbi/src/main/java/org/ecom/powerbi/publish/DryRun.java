package org.ecom.powerbi.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Prints each request publishing would send, and sends none: the URL, the body with every part's
 * base64 payload shown as its size, and in full the parts publishing rewrote (the model's
 * parameters, the report's reference to its model). Lists come back empty and creates give a
 * placeholder id ({semanticModelId}), so a dry run shows a first publish.
 */
final class DryRun implements FabricApi {

    private static final Set<String> SHOWN_IN_FULL = Set.of(ItemDefinition.EXPRESSIONS, ItemDefinition.REPORT_REFERENCE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final PrintStream log;

    DryRun(URI base, PrintStream log) {
        this.base = base;
        this.log = log;
    }

    @Override
    public JsonNode get(String pathOrUrl) {
        log.println("GET " + url(pathOrUrl));
        ObjectNode empty = JSON.createObjectNode();
        empty.putArray("value");
        return empty;
    }

    @Override
    public JsonNode create(String path, JsonNode body) {
        print(path, body);
        String collection = path.substring(path.lastIndexOf('/') + 1);
        return JSON.createObjectNode().put("id", "{" + collection.substring(0, collection.length() - 1) + "Id}");
    }

    @Override
    public void call(String path, JsonNode body) {
        print(path, body);
    }

    /** The URL as text: a placeholder id ({semanticModelId}) is no valid URI. */
    private String url(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
    }

    private void print(String path, JsonNode body) {
        log.println("POST " + url(path));
        ObjectNode shown = body.deepCopy();
        StringBuilder rewritten = new StringBuilder();
        for (JsonNode part : shown.path("definition").path("parts")) {
            byte[] content = Base64.getDecoder().decode(part.path("payload").asText());
            ((ObjectNode) part).put("payload", "<" + content.length + " bytes>");
            if (SHOWN_IN_FULL.contains(part.path("path").asText())) {
                rewritten.append("  ").append(part.path("path").asText()).append(", as sent:\n")
                        .append(new String(content, StandardCharsets.UTF_8).strip().indent(4));
            }
        }
        try {
            // One line a part: the body stays readable with its fifty parts.
            String compact = JSON.writeValueAsString(shown).replace("\"parts\":[{", "\"parts\":[\n  {").replace("},{\"path\"", "},\n  {\"path\"");
            log.println(compact.indent(2).stripTrailing());
        } catch (JsonProcessingException e) {
            throw new PublishException("POST " + url(path) + ": cannot print the body: " + e.getOriginalMessage(), e);
        }
        log.print(rewritten);
    }
}
