package org.ecom.powerbi.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ecom.powerbi.ItemPlatform;

/**
 * Publishes the PBIP folder to a Fabric workspace through the Fabric REST API:
 * <ol>
 * <li>the semantic model, its Server and Database parameters set to the environment's: created
 *     ({@code POST workspaces/{id}/semanticModels}) or, when the workspace has one of its display
 *     name, its definition replaced ({@code .../semanticModels/{id}/updateDefinition?updateMetadata=true});</li>
 * <li>its SQL data source bound to the environment's Fabric connection
 *     ({@code .../semanticModels/{id}/bindConnection}, Bind Semantic Model Connection), so that
 *     DirectQuery runs with that connection's credentials;</li>
 * <li>the report, its definition.pbir pointing to the model by id, created or updated the same way.</li>
 * </ol>
 * Items are found by their .platform display name, so publishing again updates them in place.
 */
public final class Publisher {

    /** The ids of the two items; placeholders ({semanticModelId}) after a dry run. */
    public record Published(String semanticModelId, String reportId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final FabricClient.Sleeper sleeper;

    Publisher(HttpClient http, FabricClient.Sleeper sleeper) {
        this.http = http;
        this.sleeper = sleeper;
    }

    /** Publishes, logging each request; a {@link PublishException} says what stopped it. */
    public static Published publish(PublishRequest request, PrintStream log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        return new Publisher(http, duration -> Thread.sleep(duration.toMillis())).run(request, log);
    }

    Published run(PublishRequest request, PrintStream log) {
        Path project = request.projectFolder();
        Path environments = project.resolve(Environment.FILE_NAME);
        Environment environment = Environment.read(environments, request.environment());
        if (!request.dryRun() && environment.connectionIsPlaceholder()) {
            throw new PublishException(environments + ": " + environment.name() + ".connection.id is still the placeholder:"
                    + " make the Fabric connection to the database (powerbi/README.md) and put its id there");
        }
        Path modelFolder = onlyItem(project, ".SemanticModel");
        Path reportFolder = onlyItem(project, ".Report");
        ItemPlatform model = platform(modelFolder);
        ItemPlatform report = platform(reportFolder);
        FabricApi api = request.dryRun() ? new DryRun(request.baseUrl(), log)
                : new FabricClient(request.baseUrl(), request.token(), http, sleeper, log);
        log.println((request.dryRun() ? "dry run, nothing sent: " : "") + "publishing " + model.displayName() + " to workspace "
                + request.workspaceId() + ", environment " + environment.name() + " (server " + environment.server()
                + ", database " + environment.database() + ")");

        String workspace = "workspaces/" + request.workspaceId() + "/";
        String modelId = upsert(api, workspace + "semanticModels", model, ItemDefinition.semanticModel(modelFolder, environment), log);
        api.call(workspace + "semanticModels/" + modelId + "/bindConnection", connectionBinding(environment));
        log.println("semantic model " + modelId + ": its SQL data source bound to connection " + environment.connectionId()
                + " (" + environment.connectivityType() + ")");
        String reportId = upsert(api, workspace + "reports", report, ItemDefinition.report(reportFolder, modelId), log);
        return new Published(modelId, reportId);
    }

    /** Creates the item, or replaces the definition of the workspace's item of the same display name; its id. */
    private static String upsert(FabricApi api, String collection, ItemPlatform item, List<ItemDefinition.Part> parts, PrintStream log) {
        ObjectNode definition = ItemDefinition.json(parts);
        Optional<String> existing = find(api, collection, item.displayName());
        if (existing.isPresent()) {
            ObjectNode body = JSON.createObjectNode();
            body.set("definition", definition);
            api.call(collection + "/" + existing.get() + "/updateDefinition?updateMetadata=true", body);
            log.println(item.type() + " " + item.displayName() + " " + existing.get() + ": definition updated (" + parts.size() + " parts)");
            return existing.get();
        }
        ObjectNode body = JSON.createObjectNode().put("displayName", item.displayName());
        if (!item.description().isEmpty()) {
            body.put("description", item.description());
        }
        body.set("definition", definition);
        String id = api.create(collection, body).path("id").asText("");
        if (id.isEmpty()) {
            throw new PublishException("POST " + collection + ": the created " + item.type() + " has no id");
        }
        log.println(item.type() + " " + item.displayName() + " " + id + ": created (" + parts.size() + " parts)");
        return id;
    }

    /** The id of the listed item of that display name, following the list's continuationUri. */
    private static Optional<String> find(FabricApi api, String collection, String displayName) {
        JsonNode page = api.get(collection);
        while (true) {
            for (JsonNode item : page.path("value")) {
                if (displayName.equals(item.path("displayName").asText())) {
                    return Optional.of(item.path("id").asText());
                }
            }
            String next = page.path("continuationUri").asText("");
            if (next.isEmpty()) {
                return Optional.empty();
            }
            page = api.get(next);
        }
    }

    /** Bind Semantic Model Connection: the model's data source (SQL, "server;database") to the environment's connection. */
    private static ObjectNode connectionBinding(Environment environment) {
        ObjectNode binding = JSON.createObjectNode().put("id", environment.connectionId())
                .put("connectivityType", environment.connectivityType());
        binding.putObject("connectionDetails").put("type", "SQL").put("path", environment.server() + ";" + environment.database());
        ObjectNode body = JSON.createObjectNode();
        body.set("connectionBinding", binding);
        return body;
    }

    private static Path onlyItem(Path project, String suffix) {
        try (Stream<Path> entries = Files.list(project)) {
            List<Path> items = entries.filter(Files::isDirectory).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
            if (items.size() != 1) {
                throw new PublishException(project + ": expected one *" + suffix + " folder, found " + items.size());
            }
            return items.get(0);
        } catch (IOException e) {
            throw new PublishException(project + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static ItemPlatform platform(Path item) {
        try {
            return ItemPlatform.read(item);
        } catch (IOException e) {
            throw new PublishException(e.getMessage(), e);
        }
    }
}
