package org.ecom.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ecom.db.DatabaseTarget;
import org.ecom.serve.ApiServer;
import org.ecom.serve.ReaderPool;
import org.ecom.serve.ServeData;
import org.ecom.serve.ServeSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the scores and recommendations over HTTP, with the live dashboard and a customer page, until Ctrl-C.",
            "JSON API under /api/v1 (described at /api/v1/openapi.json): GET /customers/{id}, GET /customers/{id}/recommendations"
                + "?limit=10, POST /score (repurchase probability for a what-if feature set, scored by the model stored with the"
                + " current repurchase run), GET /health, GET /metrics (Prometheus). Pages: / (the five dashboard pages, live) and"
                + " /customer.",
            "It reads as analytics_reader only: on PostgreSQL every session switches to that role; on SQL Server give it a"
                + " login that is a member of analytics_reader only (it refuses a login that can write). Answers come from a"
                + " snapshot of the reader views that is read again when a load or a model run changes them (checked every"
                + " --refresh seconds).",
            "Safe by default: it listens on 127.0.0.1; any other address needs --token (or ECOM_SERVE_TOKEN), and then every"
                + " request needs the header Authorization: Bearer <token>; in a browser, the token is typed once at /login."},
        footer = {"", "Examples:", "  ./ecom serve                                  http://127.0.0.1:8080/",
            "  ECOM_SERVE_TOKEN=$(openssl rand -hex 24) ./ecom serve --bind 0.0.0.0 --port 8080",
            "  curl -s localhost:8080/api/v1/customers/12347"})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); any other than a loopback address needs --token.")
    String bind;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:ECOM_SERVE_TOKEN}",
            description = "Bearer token every request must carry, at least 16 characters (default: $ECOM_SERVE_TOKEN).")
    String token;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "200",
            description = "Requests per second one client address may make; beyond, 429 (default: ${DEFAULT-VALUE}).")
    int rateLimit;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "16384",
            description = "Largest request body accepted; beyond, 413 (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--statement-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Longest a query may run before it is cancelled (default: ${DEFAULT-VALUE}).")
    int statementTimeout;

    @Option(names = "--refresh", paramLabel = "SECONDS", defaultValue = "2",
            description = "How often to check the database for a new load or model run (default: ${DEFAULT-VALUE}).")
    int refresh;

    @Override
    public Integer call() throws InterruptedException {
        ServeSettings settings;
        try {
            if (statementTimeout < 1 || refresh < 1) {
                throw new IllegalArgumentException("--statement-timeout and --refresh must be at least 1 second");
            }
            settings = new ServeSettings(bind, port, Optional.ofNullable(token).filter(t -> !t.isBlank()), rateLimit, maxBody,
                    Duration.ofSeconds(statementTimeout), Duration.ofSeconds(refresh));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (DatabaseOptions.Opened db = database.open();
             ReaderPool pool = ReaderPool.open(db.target(), settings.statementTimeout());
             ServeData data = ServeData.start(pool, settings.refreshEvery(), Console::status);
             ApiServer server = ApiServer.start(data, settings, Console::status)) {
            Console.status("reading " + DatabaseTarget.masked(db.target().jdbcUrl()) + " as analytics_reader");
            String host = bind.contains(":") ? "[" + bind + "]" : bind;
            System.out.println("serving http://" + host + ":" + server.port() + "/  (API: /api/v1, OpenAPI: /api/v1/openapi.json)");
            System.out.println("Press Ctrl-C to stop.");
            System.out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return 0;
    }
}
