package org.ecom.powerbi.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Fabric REST API over the JDK's HTTP client: a bearer token on every request; a 429 waits the
 * Retry-After seconds and tries again; a 202 is a long-running operation, whose state (the Location
 * header, {@code operations/{id}}) is polled every Retry-After seconds until it has Succeeded
 * (then, for a create, its result: at the Location the last state gives, else
 * {@code operations/{id}/result}) or Failed.
 */
final class FabricClient implements FabricApi {

    /** Waits between tries; tests record the waits instead of sleeping through them. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final int MAX_TRIES_WHEN_THROTTLED = 5;
    static final int MAX_POLLS = 720;
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Supplier<String> token;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final PrintStream log;

    FabricClient(URI base, Supplier<String> token, HttpClient http, Sleeper sleeper, PrintStream log) {
        this.base = base;
        this.token = token;
        this.http = http;
        this.sleeper = sleeper;
        this.log = log;
    }

    @Override
    public JsonNode get(String pathOrUrl) {
        return json(send("GET", uri(pathOrUrl), null));
    }

    @Override
    public JsonNode create(String path, JsonNode body) {
        HttpResponse<String> response = send("POST", uri(path), body);
        if (response.statusCode() != 202) {
            return json(response);
        }
        HttpResponse<String> done = await(response, "POST " + uri(path));
        URI result = done.headers().firstValue("Location").map(URI::create)
                .orElseGet(() -> base.resolve("operations/" + operationId(response) + "/result"));
        return json(send("GET", result, null));
    }

    @Override
    public void call(String path, JsonNode body) {
        HttpResponse<String> response = send("POST", uri(path), body);
        if (response.statusCode() == 202) {
            await(response, "POST " + uri(path));
        }
    }

    /** Polls the operation a 202 started until it succeeds (its last state returned) or fails. */
    private HttpResponse<String> await(HttpResponse<String> accepted, String request) {
        String id = operationId(accepted);
        URI state = accepted.headers().firstValue("Location").map(URI::create).orElseGet(() -> base.resolve("operations/" + id));
        Duration wait = retryAfter(accepted).orElse(DEFAULT_WAIT);
        for (int poll = 1; poll <= MAX_POLLS; poll++) {
            sleep(wait);
            HttpResponse<String> response = send("GET", state, null);
            JsonNode operation = json(response);
            String status = operation.path("status").asText("");
            switch (status) {
                case "Succeeded" -> {
                    return response;
                }
                case "Failed", "Undefined" -> {
                    JsonNode error = operation.path("error");
                    throw new PublishException(request + ": operation " + id + " " + status + ": "
                            + error.path("errorCode").asText("no errorCode") + ": " + error.path("message").asText("no message"));
                }
                default -> wait = retryAfter(response).orElse(wait);
            }
        }
        throw new PublishException(request + ": operation " + id + " still running after " + MAX_POLLS + " polls");
    }

    private static String operationId(HttpResponse<String> accepted) {
        return accepted.headers().firstValue("x-ms-operation-id").orElse("?");
    }

    private HttpResponse<String> send(String method, URI uri, JsonNode body) {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token.get())
                    .header("Accept", "application/json");
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new PublishException(method + " " + uri + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishException(method + " " + uri + ": interrupted", e);
            }
            int status = response.statusCode();
            log.println(method + " " + uri + " -> " + status);
            if (status == 429 && attempt < MAX_TRIES_WHEN_THROTTLED) {
                Duration wait = retryAfter(response).orElse(DEFAULT_WAIT);
                log.println("  throttled: trying again in " + wait.toSeconds() + " s (Retry-After)");
                sleep(wait);
                continue;
            }
            if (status >= 400) {
                throw new PublishException(method + " " + uri + ": " + status + " " + error(response));
            }
            return response;
        }
    }

    private URI uri(String pathOrUrl) {
        return pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl);
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private void sleep(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while waiting " + duration.toSeconds() + " s", e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        String body = response.body();
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new PublishException(response.request().method() + " " + response.uri() + ": the answer is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The ErrorResponse's errorCode and message, else the body's first 200 characters. */
    private static String error(HttpResponse<String> response) {
        try {
            JsonNode error = JSON.readTree(response.body());
            if (error.has("errorCode")) {
                return error.path("errorCode").asText() + ": " + error.path("message").asText("");
            }
        } catch (JsonProcessingException e) {
            // not an ErrorResponse: the raw text below says what there is
        }
        String body = response.body() == null ? "" : response.body().strip();
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
