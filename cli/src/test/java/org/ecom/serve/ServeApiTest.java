package org.ecom.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ./ecom serve's API on embedded PostgreSQL, and a database that goes away while served. */
@DatabaseTest
class ServeApiTest extends ServeApiContract {

    @BeforeAll
    static void serve() throws Exception {
        use(ServedWarehouse.get());
    }

    /** A database that goes away: 503 with its code, and answers again once it is back. */
    @Test
    void aDatabaseThatIsDownAnswers503() throws Exception {
        DatabaseTarget empty = ContractEngines.freshPostgres();
        String name = empty.jdbcUrl().replaceAll(".*/([^/?]+).*", "$1");
        ServeSettings settings = new ServeSettings("127.0.0.1", 0, Optional.empty(), 10_000, 16_384, Duration.ofSeconds(5),
                Duration.ofHours(1));
        try (ReaderPool pool = ReaderPool.open(empty, settings.statementTimeout());
             ServeData data = ServeData.start(pool, settings.refreshEvery(), line -> { });
             ApiServer server = ApiServer.start(data, settings, line -> { })) {
            String base = "http://127.0.0.1:" + server.port();
            get(base, "/api/v1/customers/1").isError(404, "customer_not_found", null);
            get(base, "/api/v1/models/repurchase").isError(404, "model_not_found", null);

            DatabaseTarget postgres = DatabaseTarget.of(empty.jdbcUrl().replace("/" + name, "/postgres"), empty.user(), empty.password());
            try (Connection c = postgres.connect(); Statement s = c.createStatement()) {
                s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
                data.refresh();
                get(base, "/api/v1/customers/1").isError(503, "database_unavailable", null);
                get(base, "/api/v1/health").isError(503, "database_unavailable", null);
                s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
            }
            // The pool finds its dead sessions as it hands them out: a few refreshes (every 2 s when serving) bring it back.
            for (int attempt = 0; attempt < 10 && get(base, "/api/v1/customers/1").status() == 503; attempt++) {
                Thread.sleep(600);
                data.refresh();
            }
            get(base, "/api/v1/customers/1").isError(404, "customer_not_found", null);
            assertEquals(200, get(base, "/api/v1/health").status());
        }
    }
}
