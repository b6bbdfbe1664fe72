package org.ecom.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
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
        try (OwnServe serve = new OwnServe(empty)) {
            String base = serve.base;
            get(base, "/api/v1/customers/1").isError(404, "customer_not_found", null);
            get(base, "/api/v1/models/repurchase").isError(404, "model_not_found", null);

            DatabaseTarget postgres = DatabaseTarget.of(empty.jdbcUrl().replace("/" + name, "/postgres"), empty.user(), empty.password());
            try (Connection c = postgres.connect(); Statement s = c.createStatement()) {
                s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
                serve.data.refresh();
                get(base, "/api/v1/customers/1").isError(503, "database_unavailable", null);
                get(base, "/api/v1/health").isError(503, "database_unavailable", null);
                s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
            }
            serve.refreshUntilAnswering("/api/v1/customers/1");
            get(base, "/api/v1/customers/1").isError(404, "customer_not_found", null);
            assertEquals(200, get(base, "/api/v1/health").status());
        }
    }
}
