package org.ecom.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.plugin.bundled.RateLimitPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.ecom.report.HtmlReport;
import org.ecom.report.ReportData;
import org.jdbi.v3.core.JdbiException;

/**
 * The HTTP side of {@code ./ecom serve}: the JSON API under /api/v1 (described by
 * /api/v1/openapi.json), the live dashboard at / and the customer page at /customer.
 * Every request passes the token check (when there is a token: the Authorization header, or in a
 * browser the session cookie of the login form at /login) and the per-client rate limit;
 * every answer is counted for /api/v1/metrics; every error is JSON with a stable code, never a trace.
 */
public final class ApiServer implements AutoCloseable {

    static final String API = "/api/v1";
    private static final String JSON_TYPE = "application/json";
    private static final int MAX_RECOMMENDATIONS = 10;
    private static final String STARTED = "ecom.started";
    private static final String LOGIN = "/login";
    /** What a caller without the token may ask for: the login form, and the icon browsers ask for on it. */
    private static final Set<String> OPEN = Set.of(LOGIN, "/favicon.ico");
    /** The pages a browser opens: without a session it is sent to the login form, and back here after it. */
    private static final Set<String> PAGES = Set.of("/", "/customer");

    private final ServeData data;
    private final ServeSettings settings;
    private final Optional<TokenCheck> tokens;
    private final RequestMetrics metrics = new RequestMetrics();
    private final byte[] openApi = resource("/org/ecom/serve/openapi.json");
    private final String customerPage = new String(resource("/org/ecom/serve/customer.html"), StandardCharsets.UTF_8);
    private final String loginPage = new String(resource("/org/ecom/serve/login.html"), StandardCharsets.UTF_8);
    private final byte[] chartJs = HtmlReport.chartJs().getBytes(StandardCharsets.UTF_8);
    /** The rendered dashboard and the snapshot version it shows: rendered again only when the data changed. */
    private final AtomicReference<Map.Entry<String, String>> dashboard = new AtomicReference<>(Map.entry("", ""));
    private final Javalin app;

    private ApiServer(ServeData data, ServeSettings settings, Consumer<String> log) {
        this.data = data;
        this.settings = settings;
        this.tokens = settings.token().map(TokenCheck::new);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = settings.bind();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.registerPlugin(new RateLimitPlugin(limits -> limits.setKeyFunction(Context::ip)));
            config.routes.before(this::admit);
            config.routes.after(this::count);
            config.routes.get(API + "/customers/{id}", this::customer);
            config.routes.get(API + "/customers/{id}/recommendations", this::recommendations);
            config.routes.get(API + "/customers/{id}/history", this::history);
            config.routes.get(API + "/models/repurchase", this::repurchaseModel);
            config.routes.post(API + "/score", this::score);
            config.routes.get(API + "/health", this::health);
            config.routes.get(API + "/metrics", ctx -> ctx.contentType(RequestMetrics.contentType()).result(metrics.text()));
            config.routes.get(API + "/openapi.json", ctx -> ctx.contentType(JSON_TYPE).result(openApi));
            config.routes.get("/", this::dashboardPage);
            config.routes.get("/customer", ctx -> ctx.html(customerPage));
            config.routes.get(LOGIN, this::loginForm);
            config.routes.post(LOGIN, this::login);
            // Browsers ask for it on every page: an empty answer rather than a 404 in their console.
            config.routes.get("/favicon.ico", ctx -> ctx.status(204));
            config.routes.get("/assets/chart.umd.js", ctx -> ctx.contentType("text/javascript").result(chartJs));
            config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, fromJavalin(e)));
            // The cause stays in the server's log: a caller learns that, not the database's address or schema.
            config.routes.exception(JdbiException.class, (e, ctx) -> {
                log.accept("serve: " + ctx.method() + " " + ctx.path() + ": " + ServeData.oneLine(e));
                error(ctx, ApiError.databaseUnavailable("the database did not answer"));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.accept("serve: " + ctx.method() + " " + ctx.path() + ": " + ServeData.oneLine(e));
                error(ctx, new ApiError(500, "internal_error", "the server failed to answer", null));
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    error(ctx, ApiError.notFound("not_found", "no such page or endpoint: " + ctx.method() + " " + ctx.path()));
                }
            });
        });
    }

    /** Starts listening; {@link #port()} says where. */
    public static ApiServer start(ServeData data, ServeSettings settings, Consumer<String> log) {
        ApiServer server = new ApiServer(data, settings, log);
        server.app.start();
        return server;
    }

    public int port() {
        return app.port();
    }

    /**
     * The token first (nothing else is said to a caller without it but the login form; a browser
     * opening a page without a session is sent there), then the caller's rate, the login's included.
     */
    private void admit(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
        if (tokens.isPresent() && !OPEN.contains(ctx.path())) {
            String header = ctx.header("Authorization");
            boolean admitted = header != null ? tokens.get().header(header) : tokens.get().session(ctx.cookie(TokenCheck.COOKIE));
            if (!admitted && header == null && ctx.method() == HandlerType.GET && PAGES.contains(ctx.path())) {
                ctx.redirect(LOGIN + "?next=" + ctx.path(), HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            if (!admitted) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new ApiError(401, "unauthorized", "this server needs the header Authorization: Bearer <token>"
                        + " (in a browser: sign in at " + LOGIN + ")", "Authorization");
            }
        }
        ctx.with(RateLimitPlugin.class).requestPerTimeUnit(settings.requestsPerSecond(), TimeUnit.SECONDS);
    }

    private void loginForm(Context ctx) {
        if (tokens.isEmpty()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.html(loginPage(ctx.queryParam("next"), ""));
    }

    /** The token typed into the form, once: right, a session cookie the page's scripts cannot read; wrong, 401 and the form again. */
    private void login(Context ctx) {
        String next = ctx.formParam("next");
        if (tokens.isEmpty()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        if (!tokens.get().token(ctx.formParam("token"))) {
            ctx.status(401).html(loginPage(next, "That is not this server's token."));
            return;
        }
        // Not Secure: serve speaks plain HTTP (a TLS proxy in front may add it). Strict: no other site's page sends it.
        ctx.header("Set-Cookie", TokenCheck.COOKIE + "=" + tokens.get().sessionValue() + "; Path=/; HttpOnly; SameSite=Strict");
        ctx.redirect(PAGES.contains(next) ? next : "/", HttpStatus.SEE_OTHER);
    }

    /** The login form; {@code next} only ever one of the pages, so it can go back into the page as it is. */
    private String loginPage(String next, String message) {
        return loginPage.replace("{{next}}", PAGES.contains(next) ? next : "/").replace("{{message}}", message);
    }

    private void count(Context ctx) {
        Long started = ctx.attribute(STARTED);
        var endpoint = ctx.endpoints().lastHttpEndpoint();
        String route = endpoint == null ? "unmatched" : endpoint.path;
        metrics.record(route, ctx.method().name(), ctx.statusCode(), started == null ? 0 : System.nanoTime() - started);
    }

    private void customer(Context ctx) {
        int id = customerId(ctx);
        byte[] customer = data.current().customers().get(id);
        if (customer == null) {
            throw unknownCustomer(id);
        }
        ctx.contentType(JSON_TYPE).result(customer);
    }

    private void recommendations(Context ctx) {
        int id = customerId(ctx);
        int limit = intParameter("limit", ctx.queryParam("limit"), MAX_RECOMMENDATIONS, 1, MAX_RECOMMENDATIONS);
        Snapshot snapshot = data.current();
        if (!snapshot.customers().containsKey(id)) {
            throw unknownCustomer(id);
        }
        List<ObjectNode> all = snapshot.recommendations().getOrDefault(id, List.of());
        ObjectNode body = ServeData.JSON.createObjectNode().put("customer_id", id);
        body.set("run_id", runId(snapshot, "recommendations"));
        body.putArray("recommendations").addAll(all.subList(0, Math.min(limit, all.size())));
        json(ctx, body);
    }

    /** The customer's purchases by month, read live (the customer page's chart; not part of the fast path). */
    private void history(Context ctx) {
        int id = customerId(ctx);
        if (!data.current().customers().containsKey(id)) {
            throw unknownCustomer(id);
        }
        ObjectNode body = ServeData.JSON.createObjectNode().put("customer_id", id);
        ArrayNode months = body.putArray("months");
        data.pool().jdbi().useHandle(handle -> handle.createQuery("SELECT month_start, SUM(orders), SUM(revenue)"
                        + " FROM kpi.customer_month_sales WHERE customer_id = :id GROUP BY month_start ORDER BY month_start")
                .bind("id", id)
                .map((r, c) -> months.addObject().put("month", r.getDate(1).toLocalDate().toString().substring(0, 7))
                        .put("orders", r.getLong(2)).put("revenue", r.getBigDecimal(3)))
                .forEach(row -> { }));
        json(ctx, body);
    }

    private void repurchaseModel(Context ctx) {
        Snapshot snapshot = data.current();
        ScorerPool scorer = scorer(snapshot);
        ObjectNode body = ServeData.JSON.createObjectNode().put("model_kind", "repurchase").put("run_id", snapshot.scorerRunId());
        ArrayNode features = body.putArray("features");
        double[] typical = scorer.typicalValues();
        for (int i = 0; i < typical.length; i++) {
            features.addObject().put("name", scorer.featureNames().get(i)).put("typical_value", typical[i]);
        }
        json(ctx, body);
    }

    private void score(Context ctx) {
        Snapshot snapshot = data.current();
        ScorerPool scorer = scorer(snapshot);
        double[] features = WhatIf.features(ctx.bodyAsBytes(), scorer.featureNames());
        json(ctx, ServeData.JSON.createObjectNode().put("model_kind", "repurchase").put("run_id", snapshot.scorerRunId())
                .put("probability", scorer.probability(features)));
    }

    /** Database reachable (a live query) and the age of each model's current run. */
    private void health(Context ctx) {
        Snapshot snapshot = data.current();
        data.pool().jdbi().useHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM ml.current_model_run").mapTo(Long.class).one());
        ObjectNode body = ServeData.JSON.createObjectNode().put("status", "ok").put("database", "reachable")
                .put("data_read_at", snapshot.readAt().toString());
        ArrayNode models = body.putArray("models");
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        for (var run : snapshot.runs()) {
            ObjectNode model = models.addObject().setAll((ObjectNode) run.deepCopy());
            String finished = run.path("finished_at").asText(null);
            if (finished != null) {
                model.put("age_seconds", Duration.between(LocalDateTime.parse(finished), now).toSeconds());
            }
        }
        json(ctx, body);
    }

    private void dashboardPage(Context ctx) {
        String version = data.current().version();
        Map.Entry<String, String> rendered = dashboard.get();
        if (!rendered.getKey().equals(version)) {
            String html = data.pool().jdbi().withHandle(handle ->
                    HtmlReport.render(ReportData.load(handle, data.pool().dialect()), "E-commerce analytics (live)"));
            rendered = Map.entry(version, html);
            dashboard.set(rendered);
        }
        ctx.html(rendered.getValue());
    }

    private static ScorerPool scorer(Snapshot snapshot) {
        if (snapshot.scorer() == null) {
            throw ApiError.notFound("model_not_found", "no repurchase run with a stored model yet: run ./ecom sidecar first");
        }
        return snapshot.scorer();
    }

    private static com.fasterxml.jackson.databind.JsonNode runId(Snapshot snapshot, String kind) {
        for (var run : snapshot.runs()) {
            if (kind.equals(run.path("model_kind").asText())) {
                return run.get("run_id");
            }
        }
        return ServeData.JSON.nullNode();
    }

    private static int customerId(Context ctx) {
        return intParameter("id", ctx.pathParam("id"), null, 1, Integer.MAX_VALUE);
    }

    /** A whole number in [min, max] (the default when absent and there is one); otherwise 400 naming it. */
    private static int intParameter(String name, String text, Integer absent, int min, int max) {
        if (text == null && absent != null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text == null ? "" : text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // Answered below, with the same message as a number out of range.
        }
        throw ApiError.badField(name, name + " must be a whole number from " + min + " to " + max);
    }

    private static ApiError unknownCustomer(int id) {
        return ApiError.notFound("customer_not_found", "no customer " + id);
    }

    private static ApiError fromJavalin(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> ApiError.notFound("not_found", "no such page or endpoint");
            case 405 -> new ApiError(405, "method_not_allowed", "this endpoint does not take that method", null);
            case 413 -> new ApiError(413, "body_too_large", "the body is larger than the limit", "body");
            case 429 -> new ApiError(429, "rate_limited", "too many requests from this address: slow down", null);
            default -> new ApiError(e.getStatus(), "http_" + e.getStatus(), e.getMessage(), null);
        };
    }

    private static void error(Context ctx, ApiError e) {
        ObjectNode body = ServeData.JSON.createObjectNode();
        ObjectNode error = body.putObject("error").put("status", e.status).put("code", e.code).put("message", e.getMessage());
        if (e.field != null) {
            error.put("field", e.field);
        }
        ctx.status(e.status);
        json(ctx, body);
    }

    private static void json(Context ctx, ObjectNode body) {
        ctx.contentType(JSON_TYPE).result(body.toString());
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
