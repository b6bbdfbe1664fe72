package org.ecom.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.ecom.db.DatabaseTarget;

/**
 * {@code ./ecom serve} over a database of a test's own, that reads the database again only when
 * the test calls {@code data.refresh()}: for the tests that take the database away from it.
 */
final class OwnServe implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final ServeData data;
    final String base;
    private final ReaderPool pool;
    private final ApiServer server;

    OwnServe(DatabaseTarget reader) {
        ServeSettings settings = new ServeSettings("127.0.0.1", 0, Optional.empty(), 10_000, 16_384, Duration.ofSeconds(5),
                Duration.ofHours(1));
        pool = ReaderPool.open(reader, settings.statementTimeout());
        data = ServeData.start(pool, settings.refreshEvery(), line -> { });
        server = ApiServer.start(data, settings, line -> { });
        base = "http://127.0.0.1:" + server.port();
    }

    /** The pool finds its dead sessions as it hands them out: a few refreshes (every 2 s when serving) bring it back. */
    void refreshUntilAnswering(String path) throws Exception {
        for (int attempt = 0; attempt < 10 && status(path) == 503; attempt++) {
            Thread.sleep(600);
            data.refresh();
        }
    }

    private int status(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Override
    public void close() {
        server.close();
        data.close();
        pool.close();
    }
}
