package org.ecom.powerbi.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server answering as the Fabric REST API documents it, for the calls publishing
 * makes: list items (a page of one item, then continuationToken and continuationUri), create an
 * item (semantic models as a long-running operation: 202, Location, x-ms-operation-id,
 * Retry-After; reports 201 with the item), update an item's definition (202 or 200), bind a
 * semantic model connection (200), and an operation's state (Running, then Succeeded with the
 * result's Location, or Failed with an error) and result. It checks the bearer token and the
 * definition parts' shape, answers 429 with Retry-After when told to, and records every request.
 */
final class FabricTestServer implements AutoCloseable {

    record Request(String method, String path, String authorization, JsonNode body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final String TOKEN = "test-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ITEMS = Pattern.compile("/v1/workspaces/([^/]+)/(semanticModels|reports)");
    private static final Pattern ITEM_ACTION = Pattern.compile("/v1/workspaces/([^/]+)/(semanticModels|reports)/([^/]+)/(updateDefinition|bindConnection)");
    private static final Pattern OPERATION = Pattern.compile("/v1/operations/([^/]+)(/result)?");

    private final HttpServer server;
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    /** Items by kind (semanticModels, reports): id to item. */
    final Map<String, Map<String, ObjectNode>> items = Map.of("semanticModels", new LinkedHashMap<>(), "reports", new LinkedHashMap<>());
    /** How many times to answer 429 before accepting the next create. */
    int throttleCreates;
    /** The errorCode a semantic model's updateDefinition operation fails with, or null to succeed. */
    String failModelUpdateWith;
    private final Map<String, Operation> operations = new LinkedHashMap<>();

    private static final class Operation {
        int pollsBeforeDone = 1;
        ObjectNode result;
        String failure;
    }

    FabricTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/");
    }

    ObjectNode addItem(String kind, String displayName) {
        ObjectNode item = JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("displayName", displayName)
                .put("type", kind.equals("reports") ? "Report" : "SemanticModel");
        items.get(kind).put(item.get("id").asText(), item);
        return item;
    }

    /** The decoded part of a recorded request's definition. */
    static String part(Request request, String path) {
        for (JsonNode part : request.body().path("definition").path("parts")) {
            if (part.path("path").asText().equals(path)) {
                return new String(Base64.getDecoder().decode(part.path("payload").asText()), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no part " + path + " in " + request);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            JsonNode body = bytes.length == 0 ? null : JSON.readTree(bytes);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(new Request(method, uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery(), authorization, body));
            if (!("Bearer " + TOKEN).equals(authorization)) {
                error(exchange, 401, "TokenNotProvided", "no bearer token");
                return;
            }
            Matcher m;
            if (method.equals("GET") && (m = ITEMS.matcher(path)).matches()) {
                list(exchange, m.group(1), m.group(2), uri.getRawQuery());
            } else if (method.equals("POST") && (m = ITEMS.matcher(path)).matches()) {
                create(exchange, m.group(2), body);
            } else if (method.equals("POST") && (m = ITEM_ACTION.matcher(path)).matches() && items.get(m.group(2)).containsKey(m.group(3))) {
                action(exchange, m.group(2), m.group(4), body);
            } else if (method.equals("GET") && (m = OPERATION.matcher(path)).matches() && operations.containsKey(m.group(1))) {
                operation(exchange, m.group(1), m.group(2) != null);
            } else {
                error(exchange, 404, "EntityNotFound", method + " " + path);
            }
        }
    }

    /** One item a page; the next page's continuationToken is the index of its item. */
    private void list(HttpExchange exchange, String workspace, String kind, String query) throws IOException {
        List<ObjectNode> all = new ArrayList<>(items.get(kind).values());
        int from = query != null && query.startsWith("continuationToken=") ? Integer.parseInt(query.substring(18)) : 0;
        ObjectNode page = JSON.createObjectNode();
        ArrayNode value = page.putArray("value");
        if (from < all.size()) {
            value.add(all.get(from));
        }
        if (from + 1 < all.size()) {
            page.put("continuationToken", String.valueOf(from + 1))
                    .put("continuationUri", baseUrl().resolve("workspaces/" + workspace + "/" + kind + "?continuationToken=" + (from + 1)).toString());
        }
        send(exchange, 200, page);
    }

    private void create(HttpExchange exchange, String kind, JsonNode body) throws IOException {
        if (throttleCreates > 0) {
            throttleCreates--;
            exchange.getResponseHeaders().add("Retry-After", "7");
            error(exchange, 429, "RequestBlocked", "Request is blocked by the upstream service until: 2025-01-01 10:00:07Z");
            return;
        }
        if (!body.path("displayName").isTextual() || !validDefinition(body)) {
            error(exchange, 400, "InvalidRequest", "displayName and definition.parts (path, payload, payloadType InlineBase64) are required");
            return;
        }
        ObjectNode item = addItem(kind, body.path("displayName").asText());
        item.put("description", body.path("description").asText(""));
        if (kind.equals("reports")) {
            send(exchange, 201, item);
        } else {
            Operation operation = new Operation();
            operation.result = item;
            accepted(exchange, operation);
        }
    }

    private void action(HttpExchange exchange, String kind, String action, JsonNode body) throws IOException {
        if (action.equals("bindConnection")) {
            JsonNode binding = body.path("connectionBinding");
            boolean valid = binding.path("id").isTextual() && binding.path("connectivityType").isTextual()
                    && binding.path("connectionDetails").path("type").isTextual() && binding.path("connectionDetails").path("path").isTextual();
            if (valid) {
                send(exchange, 200, null);
            } else {
                error(exchange, 400, "InvalidRequest", "connectionBinding needs id, connectivityType and connectionDetails (type, path)");
            }
        } else if (!validDefinition(body)) {
            error(exchange, 400, "InvalidRequest", "definition.parts is required");
        } else if (kind.equals("reports")) {
            send(exchange, 200, null);
        } else {
            Operation operation = new Operation();
            operation.failure = failModelUpdateWith;
            accepted(exchange, operation);
        }
    }

    private void accepted(HttpExchange exchange, Operation operation) throws IOException {
        String id = UUID.randomUUID().toString();
        operations.put(id, operation);
        exchange.getResponseHeaders().add("Location", baseUrl().resolve("operations/" + id).toString());
        exchange.getResponseHeaders().add("x-ms-operation-id", id);
        exchange.getResponseHeaders().add("Retry-After", "3");
        send(exchange, 202, null);
    }

    private void operation(HttpExchange exchange, String id, boolean result) throws IOException {
        Operation operation = operations.get(id);
        if (result) {
            send(exchange, 200, operation.result);
            return;
        }
        ObjectNode state = JSON.createObjectNode().put("createdTimeUtc", "2025-01-01T10:00:00Z");
        if (operation.pollsBeforeDone-- > 0) {
            exchange.getResponseHeaders().add("Retry-After", "2");
            state.put("status", "Running").put("percentComplete", 50);
        } else if (operation.failure != null) {
            state.put("status", "Failed").putObject("error").put("errorCode", operation.failure).put("message", "The payload is corrupted");
        } else {
            state.put("status", "Succeeded").put("percentComplete", 100);
            exchange.getResponseHeaders().add("Location", baseUrl().resolve("operations/" + id + "/result").toString());
        }
        exchange.getResponseHeaders().add("x-ms-operation-id", id);
        send(exchange, 200, state);
    }

    private static boolean validDefinition(JsonNode body) {
        JsonNode parts = body.path("definition").path("parts");
        if (!parts.isArray() || parts.isEmpty()) {
            return false;
        }
        for (JsonNode part : parts) {
            if (!part.path("path").isTextual() || !"InlineBase64".equals(part.path("payloadType").asText())) {
                return false;
            }
            try {
                Base64.getDecoder().decode(part.path("payload").asText());
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        send(exchange, status, JSON.createObjectNode().put("requestId", UUID.randomUUID().toString()).put("errorCode", code).put("message", message));
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
