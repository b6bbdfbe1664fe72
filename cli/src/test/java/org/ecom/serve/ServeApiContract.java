package org.ecom.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.ecom.cli.EcomCommand;
import org.ecom.db.BabelfishGap;
import org.ecom.db.ContractEngines;
import org.ecom.db.Rows;
import org.ecom.ml.repurchase.RepurchaseConfig;
import org.ecom.ml.repurchase.RepurchaseModeling;
import org.ecom.ml.sidecar.TrainingInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ./ecom serve's API on a deployed database with the real schema and a generated warehouse that a
 * real sidecar pass scored, the same on every engine (a subclass per engine): every endpoint,
 * every error code, the token rule, the rate and body limits, SQL injection attempts in every
 * parameter, and that serve's sessions cannot write.
 */
abstract class ServeApiContract {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static ServedWarehouse served;
    static int customer;

    /** The warehouse the tests of the class run against (set by its {@code @BeforeAll}). */
    static void use(ServedWarehouse warehouse) {
        served = warehouse;
        customer = (int) Rows.number(served.owner, "SELECT MIN(customer_id) FROM ml.current_repurchase_score");
    }

    static List<String> rows(String sql) throws java.sql.SQLException {
        try (Connection c = served.owner.connect()) {
            return Rows.rows(c, sql);
        }
    }

    record Answer(int status, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        /** An error answer: its status, code and field, and never a stack trace. */
        void isError(int expectedStatus, String code, String field) throws IOException {
            assertEquals(expectedStatus, status, body);
            JsonNode error = json().get("error");
            assertEquals(code, error.get("code").asText(), body);
            assertEquals(expectedStatus, error.get("status").asInt());
            if (field != null) {
                assertEquals(field, error.get("field").asText(), body);
            }
            assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("org.ecom"), "no trace: " + body);
        }
    }

    static Answer get(String base, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    static Answer get(String path) throws Exception {
        return get(served.url(""), path);
    }

    private static Answer post(String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(served.url(path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    @Test
    void aCustomerHasSegmentRfmValueScoreAndTheCurrentRuns() throws Exception {
        Answer answer = get("/api/v1/customers/" + customer);
        assertEquals(200, answer.status(), answer.body());
        JsonNode c = answer.json();
        assertEquals(customer, c.get("customer_id").asInt());
        assertEquals(rows("SELECT segment_name FROM ml.current_customer_segment WHERE customer_id = " + customer),
                List.of(c.at("/segment/persona").asText()));
        assertEquals(Rows.number(served.owner, "SELECT orders FROM kpi.customer_lifetime_value WHERE customer_id = " + customer),
                c.at("/lifetime_value/orders").asLong());
        assertEquals(Rows.number(served.owner, "SELECT frequency FROM kpi.rfm WHERE customer_id = " + customer),
                c.at("/rfm/frequency").asLong());
        assertTrue(c.at("/rfm/segment").isTextual());
        double probability = Double.parseDouble(rows(
                "SELECT probability FROM ml.current_repurchase_score WHERE customer_id = " + customer).get(0));
        assertEquals(probability, c.at("/repurchase/probability").asDouble(), 1e-12);
        assertTrue(c.at("/repurchase/decile").asInt() >= 1 && c.at("/repurchase/decile").asInt() <= 10);
        List<String> reasons = new ArrayList<>();
        c.at("/repurchase/reasons").forEach(r -> reasons.add(r.get("rank").asInt() + "|" + r.get("feature").asText()));
        assertEquals(rows("SELECT reason_rank, feature FROM ml.current_repurchase_reason WHERE customer_id = " + customer
                + " ORDER BY reason_rank"), reasons);
        assertFalse(reasons.isEmpty(), "the model explains its scores");
        for (String kind : List.of("segments", "repurchase", "recommendations", "forecast")) {
            assertEquals(Rows.number(served.owner, "SELECT run_id FROM ml.current_model_run WHERE model_kind = '" + kind + "'"),
                    c.at("/runs/" + kind).asLong(), kind);
        }
    }

    @Test
    void recommendationsComeBestFirstWithDescriptionsUpToTheLimit() throws Exception {
        JsonNode all = get("/api/v1/customers/" + customer + "/recommendations").json();
        assertEquals(10, all.get("recommendations").size());
        List<String> expected = rows("SELECT stock_code FROM ml.current_product_recommendation WHERE customer_id = "
                + customer + " ORDER BY recommendation_rank");
        List<String> actual = new ArrayList<>();
        all.get("recommendations").forEach(r -> actual.add(r.get("stock_code").asText()));
        assertEquals(expected, actual);
        assertTrue(all.at("/recommendations/0/description").isTextual());
        JsonNode three = get("/api/v1/customers/" + customer + "/recommendations?limit=3").json();
        assertEquals(3, three.get("recommendations").size());
        assertEquals(1, three.at("/recommendations/0/rank").asInt());
        get("/api/v1/customers/" + customer + "/recommendations?limit=11").isError(400, "invalid_field", "limit");
        get("/api/v1/customers/" + customer + "/recommendations?limit=0").isError(400, "invalid_field", "limit");
        get("/api/v1/customers/999999999/recommendations").isError(404, "customer_not_found", null);
    }

    @Test
    void historyIsTheCustomersMonthlySales() throws Exception {
        JsonNode history = get("/api/v1/customers/" + customer + "/history").json();
        assertEquals(Rows.number(served.owner, "SELECT COUNT(DISTINCT month_start) FROM kpi.customer_month_sales WHERE customer_id = " + customer),
                history.get("months").size());
        assertTrue(history.at("/months/0/month").asText().matches("\\d{4}-\\d{2}"));
    }

    @Test
    void unknownAndInvalidCustomersAreNamedErrors() throws Exception {
        get("/api/v1/customers/999999999").isError(404, "customer_not_found", null);
        get("/api/v1/customers/abc").isError(400, "invalid_field", "id");
        get("/api/v1/customers/0").isError(400, "invalid_field", "id");
        get("/api/v1/customers/99999999999999").isError(400, "invalid_field", "id");
        get("/api/v1/nothing-here").isError(404, "not_found", null);
    }

    /** The round trip: the customer's own features, posted, give exactly the probability the sidecar wrote. */
    @Test
    void scoringACustomersOwnFeaturesGivesTheWrittenProbability() throws Exception {
        JsonNode model = get("/api/v1/models/repurchase").json();
        List<String> names = new ArrayList<>();
        model.get("features").forEach(f -> names.add(f.get("name").asText()));
        assertEquals(Rows.number(served.owner, "SELECT run_id FROM ml.current_model_run WHERE model_kind = 'repurchase'"),
                model.get("run_id").asLong());
        TrainingInputs inputs = served.owner.jdbi().withHandle(h -> TrainingInputs.read(h, Optional.empty()));
        Map<Integer, double[]> features = RepurchaseModeling.features(inputs.orders(), inputs.asOfDate(),
                RepurchaseConfig.defaults(42).horizonDays(), names);
        List<String> written = rows("SELECT customer_id, probability FROM ml.current_repurchase_score"
                + " ORDER BY customer_id OFFSET 0 ROWS FETCH NEXT 25 ROWS ONLY");
        for (String row : written) {
            int id = Integer.parseInt(row.split("\\|")[0]);
            ObjectNode body = JSON.createObjectNode();
            ObjectNode given = body.putObject("features");
            for (int i = 0; i < names.size(); i++) {
                given.put(names.get(i), features.get(id)[i]);
            }
            Answer answer = post("/api/v1/score", body.toString());
            assertEquals(200, answer.status(), answer.body());
            double expected = Double.parseDouble(row.split("\\|")[1]);
            assertEquals(expected, answer.json().get("probability").asDouble(), 0.0, "customer " + id);
        }
    }

    @Test
    void aBadScoreBodyNamesItsField() throws Exception {
        JsonNode model = get("/api/v1/models/repurchase").json();
        String first = model.at("/features/0/name").asText();
        ObjectNode body = JSON.createObjectNode();
        ObjectNode features = body.putObject("features");
        model.get("features").forEach(f -> features.put(f.get("name").asText(), f.get("typical_value").asDouble()));
        assertEquals(200, post("/api/v1/score", body.toString()).status());

        post("/api/v1/score", "{not json").isError(400, "invalid_field", "body");
        post("/api/v1/score", "[]").isError(400, "invalid_field", "features");
        ObjectNode missing = body.deepCopy();
        ((ObjectNode) missing.get("features")).remove(first);
        post("/api/v1/score", missing.toString()).isError(400, "invalid_field", "features." + first);
        ObjectNode text = body.deepCopy();
        ((ObjectNode) text.get("features")).put(first, "12");
        post("/api/v1/score", text.toString()).isError(400, "invalid_field", "features." + first);
        ObjectNode extra = body.deepCopy();
        ((ObjectNode) extra.get("features")).put("shoe_size", 44);
        post("/api/v1/score", extra.toString()).isError(400, "invalid_field", "features.shoe_size");
        post("/api/v1/score", "{\"features\": {\"x\": \"" + "9".repeat(20_000) + "\"}}").isError(413, "body_too_large", "body");
    }

    @Test
    void sqlInjectionInEveryParameterIsRefusedAndChangesNothing() throws Exception {
        long runs = Rows.number(served.owner, "SELECT COUNT(*) FROM ml.model_run");
        long lines = Rows.number(served.owner, "SELECT COUNT(*) FROM sales.invoice_line");
        for (String attack : List.of("1 OR 1=1", "1; DROP TABLE ml.model_run; --", "1' OR '1'='1", customer + ")--")) {
            String id = URLEncoder.encode(attack, StandardCharsets.UTF_8).replace("+", "%20");
            get("/api/v1/customers/" + id).isError(400, "invalid_field", "id");
            get("/api/v1/customers/" + id + "/recommendations").isError(400, "invalid_field", "id");
            get("/api/v1/customers/" + id + "/history").isError(400, "invalid_field", "id");
            get("/api/v1/customers/" + customer + "/recommendations?limit=" + id).isError(400, "invalid_field", "limit");
            post("/api/v1/score", "{\"features\": {\"" + attack.replace("'", "\\u0027") + "\": 1}}")
                    .isError(400, "invalid_field", "features." + attack);
        }
        assertEquals(runs, Rows.number(served.owner, "SELECT COUNT(*) FROM ml.model_run"));
        assertEquals(lines, Rows.number(served.owner, "SELECT COUNT(*) FROM sales.invoice_line"));
    }

    @Test
    void healthMetricsAndTheOpenApiDocument() throws Exception {
        JsonNode health = get("/api/v1/health").json();
        assertEquals("reachable", health.get("database").asText());
        assertEquals(4, health.get("models").size());
        assertTrue(health.at("/models/0/age_seconds").asLong() >= 0);

        get("/api/v1/customers/" + customer);
        Answer metrics = get("/api/v1/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("ecom_serve_requests_total{method=\"GET\",route=\"/api/v1/customers/{id}\",status=\"200\"}"),
                metrics.body());
        assertTrue(metrics.body().contains("ecom_serve_request_duration_seconds_bucket"), metrics.body());

        JsonNode openApi = get("/api/v1/openapi.json").json();
        assertEquals("3.0.3", openApi.get("openapi").asText());
        for (String path : List.of("/customers/{id}", "/customers/{id}/recommendations", "/customers/{id}/history", "/score",
                "/health", "/metrics", "/models/repurchase", "/openapi.json")) {
            assertTrue(openApi.get("paths").has(path), path);
        }
        assertTrue(get("/customer").body().contains("What if?"));
    }

    /** For the engine-marked tests: the engine of the class's warehouse. */
    static Stream<ContractEngines.Engine> engine() {
        return Stream.of(served.engine);
    }

    /** The live dashboard reads analysis.anomaly_worklist, a table-valued function, as analytics_reader. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("engine")
    @BabelfishGap("SELECT on a table-valued function")
    void theDashboardIsServed(ContractEngines.Engine engine) throws Exception {
        Answer dashboard = get("/");
        assertEquals(200, dashboard.status(), dashboard.body());
        assertTrue(dashboard.body().contains("E-commerce analytics (live)"));
    }

    @Test
    void aReaderSessionCannotWrite() {
        try (ReaderPool pool = ReaderPool.open(served.reader, Duration.ofSeconds(5))) {
            assertThrows(RuntimeException.class, () -> pool.jdbi().useHandle(h -> h.execute("DELETE FROM ml.model_run")));
            assertThrows(RuntimeException.class, () -> pool.jdbi().useHandle(h -> h.execute("SELECT * FROM sales.invoice_line")));
        }
    }

    @Test
    void anotherAddressNeedsATokenAndThenEveryRequestCarriesIt() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new ServeSettings("0.0.0.0", 0, Optional.empty(), 10, 10,
                Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertEquals(2, EcomCommand.commandLine().execute("serve", "--bind", "0.0.0.0", "--db", "jdbc:postgresql://127.0.0.1:1/none"));
        assertEquals(2, EcomCommand.commandLine().execute("serve", "--bind", "0.0.0.0", "--token", "short"));

        String token = "a-token-of-24-characters";
        ServeSettings settings = new ServeSettings("127.0.0.1", 0, Optional.of(token), 10_000, 16_384, Duration.ofSeconds(5),
                Duration.ofSeconds(1));
        try (ApiServer guarded = ApiServer.start(served.data, settings, line -> { })) {
            String base = "http://127.0.0.1:" + guarded.port();
            get(base, "/api/v1/customers/" + customer).isError(401, "unauthorized", "Authorization");
            get(base, "/api/v1/health", "Authorization", "Bearer wrong").isError(401, "unauthorized", "Authorization");
            get(base, "/", "Authorization", "Bearer " + token + "x").isError(401, "unauthorized", "Authorization");
            assertEquals(200, get(base, "/api/v1/customers/" + customer, "Authorization", "Bearer " + token).status());
        }
    }

    /** A browser gives the token once, in the login form, and then carries a session cookie that scripts cannot read. */
    @Test
    void aBrowserSignsInOnceWithTheTokenAndKeepsASessionCookie() throws Exception {
        String token = "a-token-of-24-characters";
        ServeSettings settings = new ServeSettings("127.0.0.1", 0, Optional.of(token), 10_000, 16_384, Duration.ofSeconds(5),
                Duration.ofSeconds(1));
        try (ApiServer guarded = ApiServer.start(served.data, settings, line -> { })) {
            String base = "http://127.0.0.1:" + guarded.port();
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/customer")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(303, page.statusCode());
            assertEquals("/login?next=/customer", page.headers().firstValue("Location").orElse(""));
            Answer form = get(base, "/login?next=/customer");
            assertEquals(200, form.status());
            assertTrue(form.body().contains("name=\"token\"") && form.body().contains("value=\"/customer\""), form.body());

            HttpResponse<String> wrong = login(base, token + "x", "/customer");
            assertEquals(401, wrong.statusCode());
            assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());
            assertTrue(wrong.body().contains("not this server's token"), wrong.body());

            HttpResponse<String> right = login(base, token, "/customer");
            assertEquals(303, right.statusCode(), right.body());
            assertEquals("/customer", right.headers().firstValue("Location").orElse(""));
            String setCookie = right.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(setCookie.matches("ecom_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict"), setCookie);
            String cookie = setCookie.split(";")[0];
            assertFalse(cookie.contains(token), "the cookie is not the token");
            assertTrue(get(base, "/customer", "Cookie", cookie).body().contains("What if?"));
            assertEquals(200, get(base, "/api/v1/customers/" + customer, "Cookie", cookie).status());

            get(base, "/api/v1/customers/" + customer, "Cookie", "ecom_session=" + "A".repeat(43))
                    .isError(401, "unauthorized", "Authorization");
            get(base, "/api/v1/customers/" + customer, "Cookie", cookie, "Authorization", "Bearer wrong")
                    .isError(401, "unauthorized", "Authorization");
            // Where it sends the browser afterwards is one of the pages, never an address given in the form.
            assertEquals("/", login(base, token, "https://example.com/").headers().firstValue("Location").orElse(""));
        }
    }

    private static HttpResponse<String> login(String base, String token, String next) throws Exception {
        String form = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClientOverTheRateLimitIsToldToSlowDown() throws Exception {
        ServeSettings settings = new ServeSettings("127.0.0.1", 0, Optional.empty(), 5, 16_384, Duration.ofSeconds(5),
                Duration.ofSeconds(1));
        try (ApiServer limited = ApiServer.start(served.data, settings, line -> { })) {
            String base = "http://127.0.0.1:" + limited.port();
            List<Integer> statuses = new ArrayList<>();
            Answer last = null;
            for (int i = 0; i < 12; i++) {
                last = get(base, "/api/v1/customers/" + customer);
                statuses.add(last.status());
            }
            assertTrue(statuses.contains(200) && statuses.contains(429), statuses.toString());
            last.isError(429, "rate_limited", null);
        }
    }
}
