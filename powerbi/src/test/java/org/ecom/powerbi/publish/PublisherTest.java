package org.ecom.powerbi.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ecom.powerbi.TestProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing the PBIP against a local server that answers as the Fabric REST API documents. */
class PublisherTest {

    private static final String WORKSPACE = "cfafbeb1-8037-4d0c-896e-a46fb27ff229";
    private static final String CONNECTION = "6952a7b2-aea3-414f-9d85-6c0fe5d34539";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FabricTestServer fabric;
    private final List<Duration> waits = new ArrayList<>();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(output, true, StandardCharsets.UTF_8);

    @BeforeEach
    void start() throws Exception {
        fabric = new FabricTestServer();
    }

    @AfterEach
    void stop() {
        fabric.close();
    }

    /** A copy of powerbi/ with a test environment, and Desktop's per-user files, which are never sent. */
    private static Path project(Path folder) throws Exception {
        TestProject.copyTo(folder);
        Files.writeString(folder.resolve("environments.json"), """
                {"test": {"server": "test-sql.example.net", "database": "ecom_test",
                          "connection": {"id": "%s", "connectivityType": "ShareableCloud"}}}
                """.formatted(CONNECTION));
        Path settings = Files.createDirectories(folder.resolve("Ecom.Report/.pbi")).resolve("localSettings.json");
        Files.writeString(settings, "{}");
        return folder;
    }

    private Publisher.Published publish(Path project, String environment, boolean dryRun) {
        PublishRequest request = new PublishRequest(WORKSPACE, environment, dryRun, project, fabric.baseUrl(), () -> {
            assertFalse(dryRun, "a dry run asks for no token");
            return FabricTestServer.TOKEN;
        });
        return new Publisher(HttpClient.newHttpClient(), waits::add).run(request, log);
    }

    private List<String> requestLines() {
        return fabric.requests.stream().map(r -> r.toString().replace(WORKSPACE, "{ws}")).toList();
    }

    @Test
    void aFirstPublishCreatesTheModelBindsItsConnectionAndCreatesTheReport(@TempDir Path folder) throws Exception {
        fabric.throttleCreates = 1;

        Publisher.Published published = publish(project(folder), "test", false);

        String model = published.semanticModelId();
        assertEquals(List.of(
                "GET /v1/workspaces/{ws}/semanticModels",
                "POST /v1/workspaces/{ws}/semanticModels",
                "POST /v1/workspaces/{ws}/semanticModels",
                "GET /v1/operations/" + operationOf(2),
                "GET /v1/operations/" + operationOf(2),
                "GET /v1/operations/" + operationOf(2) + "/result",
                "POST /v1/workspaces/{ws}/semanticModels/" + model + "/bindConnection",
                "GET /v1/workspaces/{ws}/reports",
                "POST /v1/workspaces/{ws}/reports"), requestLines());
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(3), Duration.ofSeconds(2)), waits,
                "the 429's Retry-After, then the operation's, then the Running state's");
        assertTrue(fabric.requests.stream().allMatch(r -> r.authorization().equals("Bearer " + FabricTestServer.TOKEN)));
        assertTrue(fabric.items.get("semanticModels").containsKey(model));
        assertTrue(fabric.items.get("reports").containsKey(published.reportId()));

        FabricTestServer.Request createModel = fabric.requests.get(2);
        assertEquals("Ecom", createModel.body().path("displayName").asText());
        String expressions = FabricTestServer.part(createModel, "definition/expressions.tmdl");
        assertTrue(expressions.contains("expression Server = \"test-sql.example.net\" meta [IsParameterQuery=true"), expressions);
        assertTrue(expressions.contains("expression Database = \"ecom_test\" meta"), expressions);
        assertTrue(FabricTestServer.part(createModel, ".platform").contains("\"type\": \"SemanticModel\""));
        assertEquals(Files.readString(folder.resolve("Ecom.SemanticModel/definition/tables/Sales.tmdl")),
                FabricTestServer.part(createModel, "definition/tables/Sales.tmdl"));

        JsonNode binding = fabric.requests.get(6).body().path("connectionBinding");
        assertEquals(JSON.readTree("""
                {"id": "%s", "connectivityType": "ShareableCloud",
                 "connectionDetails": {"type": "SQL", "path": "test-sql.example.net;ecom_test"}}""".formatted(CONNECTION)), binding);

        FabricTestServer.Request createReport = fabric.requests.get(8);
        JsonNode pbir = JSON.readTree(FabricTestServer.part(createReport, "definition.pbir"));
        assertEquals("semanticmodelid=" + model, pbir.path("datasetReference").path("byConnection").path("connectionString").asText());
        assertFalse(pbir.path("datasetReference").has("byPath"));
        FabricTestServer.part(createReport, "definition/pages/executive_home/visuals/card_mom/visual.json");
        assertTrue(createReport.body().path("definition").path("parts").findValuesAsText("path").stream().noneMatch(p -> p.startsWith(".pbi")),
                "Desktop's per-user settings stay home");
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("POST " + fabric.baseUrl() + "workspaces/" + WORKSPACE
                + "/semanticModels -> 429\n  throttled: trying again in 7 s (Retry-After)"), output.toString(StandardCharsets.UTF_8));
    }

    /** The operation id the given request (0-based) was answered with: the Location it polled next. */
    private String operationOf(int acceptedRequest) {
        return fabric.requests.get(acceptedRequest + 1).path().replaceFirst("^/v1/operations/", "").replaceFirst("/result$", "");
    }

    @Test
    void publishingAgainUpdatesTheItemsFoundByNameOnAnyPage(@TempDir Path folder) throws Exception {
        fabric.addItem("semanticModels", "Another model");
        String model = fabric.addItem("semanticModels", "Ecom").path("id").asText();
        String report = fabric.addItem("reports", "Ecom").path("id").asText();

        Publisher.Published published = publish(project(folder), "test", false);

        assertEquals(new Publisher.Published(model, report), published);
        assertEquals(List.of(
                "GET /v1/workspaces/{ws}/semanticModels",
                "GET /v1/workspaces/{ws}/semanticModels?continuationToken=1",
                "POST /v1/workspaces/{ws}/semanticModels/" + model + "/updateDefinition?updateMetadata=true",
                "GET /v1/operations/" + operationOf(2),
                "GET /v1/operations/" + operationOf(2),
                "POST /v1/workspaces/{ws}/semanticModels/" + model + "/bindConnection",
                "GET /v1/workspaces/{ws}/reports",
                "POST /v1/workspaces/{ws}/reports/" + report + "/updateDefinition?updateMetadata=true"), requestLines());
        assertEquals("semanticmodelid=" + model, JSON.readTree(FabricTestServer.part(fabric.requests.get(7), "definition.pbir"))
                .path("datasetReference").path("byConnection").path("connectionString").asText());
    }

    @Test
    void aFailedOperationStopsPublishingWithItsError(@TempDir Path folder) throws Exception {
        String model = fabric.addItem("semanticModels", "Ecom").path("id").asText();
        fabric.failModelUpdateWith = "CorruptedPayload";

        PublishException e = assertThrows(PublishException.class, () -> publish(project(folder), "test", false));

        assertEquals("POST " + fabric.baseUrl() + "workspaces/" + WORKSPACE + "/semanticModels/" + model
                + "/updateDefinition?updateMetadata=true: operation " + operationOf(1) + " Failed: CorruptedPayload: The payload is corrupted",
                e.getMessage());
        assertTrue(requestLines().stream().noneMatch(r -> r.contains("bindConnection") || r.contains("reports")), requestLines().toString());
    }

    @Test
    void throttledTooOftenItGivesUpWithTheServersReason(@TempDir Path folder) throws Exception {
        fabric.throttleCreates = FabricClient.MAX_TRIES_WHEN_THROTTLED;

        PublishException e = assertThrows(PublishException.class, () -> publish(project(folder), "test", false));

        assertTrue(e.getMessage().startsWith("POST " + fabric.baseUrl() + "workspaces/" + WORKSPACE
                + "/semanticModels: 429 RequestBlocked: Request is blocked"), e.getMessage());
        assertEquals(FabricClient.MAX_TRIES_WHEN_THROTTLED - 1, waits.size());
    }

    @Test
    void aDryRunPrintsEveryRequestOfBothItemsAndSendsNone() throws Exception {
        Publisher.Published published = publish(TestProject.folder(), "dev", true);

        String printed = output.toString(StandardCharsets.UTF_8);
        String api = fabric.baseUrl() + "workspaces/" + WORKSPACE;
        List<String> requests = printed.lines().filter(l -> l.startsWith("GET ") || l.startsWith("POST ")).toList();
        assertEquals(List.of(
                "GET " + api + "/semanticModels",
                "POST " + api + "/semanticModels",
                "POST " + api + "/semanticModels/{semanticModelId}/bindConnection",
                "GET " + api + "/reports",
                "POST " + api + "/reports"), requests);
        assertEquals(List.of(), fabric.requests, "nothing sent");
        assertEquals(new Publisher.Published("{semanticModelId}", "{reportId}"), published);
        assertTrue(printed.contains("expression Server = \"ecom-analytics-dev-sql.database.windows.net\""), printed);
        assertTrue(printed.contains("\"connectionString\" : \"semanticmodelid={semanticModelId}\""), printed);
        assertTrue(printed.contains("\"connectionDetails\":{\"type\":\"SQL\",\"path\":\"ecom-analytics-dev-sql.database.windows.net;ecom\"}"), printed);
        assertTrue(printed.contains("\n    {\"path\":\"definition/tables/Sales.tmdl\",\"payload\":\"<"), printed);
        assertTrue(printed.contains("bytes>\",\"payloadType\":\"InlineBase64\"}"), printed);
    }

    @Test
    void theCommittedEnvironmentsAreReadButTheirPlaceholderConnectionIsNotPublishedTo() {
        Path environments = TestProject.folder().resolve("environments.json");
        Environment prod = Environment.read(environments, "prod");
        assertEquals(List.of("ecom-analytics-sql.database.windows.net", "ecom-powerbi", "VirtualNetworkGateway"),
                List.of(prod.server(), prod.database(), prod.connectivityType()));

        PublishException placeholder = assertThrows(PublishException.class, () -> publish(TestProject.folder(), "prod", false));
        assertEquals(environments + ": prod.connection.id is still the placeholder: make the Fabric connection to the database"
                + " (powerbi/README.md) and put its id there", placeholder.getMessage());
        PublishException unknown = assertThrows(PublishException.class, () -> publish(TestProject.folder(), "test", true));
        assertEquals(environments + ": no environment 'test' (there are dev, prod)", unknown.getMessage());
        assertEquals(List.of(), fabric.requests);
    }
}
