package org.ecom.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The engines the contract suite runs on: embedded PostgreSQL always, and the T-SQL server that
 * {@code ECOM_TEST_MSSQL_URL} names when it is set: a SQL Server, or Babelfish for PostgreSQL
 * (the server says which). Each test asks for a deployed database holding no data.
 */
public final class ContractEngines {

    public static final String MSSQL_URL_VARIABLE = "ECOM_TEST_MSSQL_URL";

    /**
     * Tables emptied between tests on the shared T-SQL database, children first: every table but
     * {@link #SEEDED_TABLES} (ContractEnginesTest checks, so a new table cannot carry rows into the next test).
     */
    static final List<String> TABLES_CHILDREN_FIRST = List.of(
            "ml.customer_segment", "ml.repurchase_score", "ml.repurchase_profit_curve", "ml.repurchase_reason",
            "ml.product_recommendation", "ml.revenue_forecast", "ml.model_artefact", "ml.model_run",
            "mart.invoice_summary", "mart.customer_month", "mart.customer_country_month", "mart.customer_summary", "mart.product_summary",
            "mart.monthly_summary", "mart.country_summary", "mart.product_pair", "mart.product_basket_count",
            "mart.frequent_pair_count",
            "quality.anomaly", "quality.measure_count", "quality.measure_count_batch", "quality.batch_governance", "sales.cancellation_line", "sales.invoice_line", "sales.invoice",
            "sales.customer", "sales.product", "sales.country", "staging.rejected_line", "staging.duplicate_line",
            "staging.retail_line", "staging.load_batch");

    /** Tables the changelog fills (the settings a DBA edits): kept between tests. */
    static final List<String> SEEDED_TABLES = List.of("ml.campaign_assumptions", "sales.non_product_rule");

    /** The password of the logins that act as a role on Babelfish (a throwaway test server's). */
    private static final String PROBE_PASSWORD = "Probe_Pass_1";

    private static EmbeddedDatabase postgres;
    private static final AtomicInteger databaseCounter = new AtomicInteger();
    private static TsqlEngine tsql;

    private ContractEngines() {
    }

    /** A test engine: where a test's database lives, how to get a clean one, how to act as a role. */
    public interface Engine {
        Dialect dialect();

        /** Babelfish for PostgreSQL, where a {@link BabelfishGap} test is expected to fail. */
        boolean isBabelfish();

        /** A deployed database holding no data. */
        DatabaseTarget freshDatabase();

        /** A connection to a database of this engine, as its owner. */
        Connection connect(DatabaseTarget database) throws SQLException;

        /** A connection to a fresh database. */
        default Connection freshConnection() throws SQLException {
            return connect(freshDatabase());
        }

        /** A new connection to {@code database} that acts as a member of {@code role}, with no more rights. */
        Connection connectAs(DatabaseTarget database, String role) throws SQLException;
    }

    /** For {@code @MethodSource}: every engine available here. */
    public static Stream<Engine> all() {
        List<Engine> engines = new ArrayList<>();
        engines.add(new PostgresEngine());
        String mssqlUrl = System.getenv(MSSQL_URL_VARIABLE);
        if (mssqlUrl != null && !mssqlUrl.isBlank()) {
            engines.add(tsqlEngine(mssqlUrl));
        }
        return engines.stream();
    }

    private static synchronized TsqlEngine tsqlEngine(String url) {
        if (tsql == null) {
            DatabaseTarget target = DatabaseTarget.of(url);
            try (Connection c = target.connect()) {
                tsql = new TsqlEngine(target, Babelfish.is(c));
            } catch (SQLException e) {
                throw new IllegalStateException(MSSQL_URL_VARIABLE + ": cannot connect to " + target + ": "
                        + e.getMessage(), e);
            }
        }
        return tsql;
    }

    /** A new PostgreSQL database, copied from a template deployed once per test JVM. */
    public static synchronized DatabaseTarget freshPostgres() {
        if (postgres == null) {
            Path root = Path.of("target", "embedded-pg").toAbsolutePath();
            deleteRecursively(root.resolve("data"));
            postgres = EmbeddedDatabase.start(root.resolve("data"), root.resolve("runtime"), 0);
            postgres.createDatabase("ecom_template", null, false);
            Deployer.deploy(postgres.target("ecom_template"));
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
        }
        String name = "contract_" + databaseCounter.incrementAndGet();
        postgres.createDatabase(name, "ecom_template", false);
        return postgres.target(name);
    }

    /**
     * A new empty database, not deployed, on the T-SQL server that {@code ECOM_TEST_MSSQL_URL} names
     * (dropped first when a run left it): for a test that deploys on its own.
     */
    public static DatabaseTarget newTsqlDatabase(String name) throws SQLException {
        DatabaseTarget server = DatabaseTarget.of(System.getenv(MSSQL_URL_VARIABLE));
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("USE master");
            s.execute("IF DB_ID(N'" + name + "') IS NOT NULL DROP DATABASE " + name);
            s.execute("CREATE DATABASE " + name);
        }
        return DatabaseTarget.of(server.jdbcUrl().replaceAll("(?i)(;\\s*databaseName\\s*=)[^;]*", "$1" + name));
    }

    /** The embedded server, for tests that need their own logins. */
    public static synchronized EmbeddedDatabase postgresServer() {
        freshPostgres();
        return postgres;
    }

    private static final class PostgresEngine implements Engine {
        public Dialect dialect() {
            return Dialect.POSTGRESQL;
        }

        public boolean isBabelfish() {
            return false;
        }

        public DatabaseTarget freshDatabase() {
            return freshPostgres();
        }

        public Connection connect(DatabaseTarget database) throws SQLException {
            return database.connect();
        }

        public Connection connectAs(DatabaseTarget database, String role) throws SQLException {
            Connection c = database.connect();
            try (Statement s = c.createStatement()) {
                s.execute("SET ROLE " + role);
            }
            return c;
        }

        public String toString() {
            return "postgresql";
        }
    }

    /**
     * A SQL Server or Babelfish database, deployed once per test JVM (a deploy takes minutes on
     * Babelfish) and emptied before each test. Its owner's sessions are kept for the next test:
     * Babelfish compiles a procedure anew in each session (seconds for each of the loader's three),
     * which a new session per test would pay again and again.
     */
    private static final class TsqlEngine implements Engine {
        private final DatabaseTarget target;
        private final boolean babelfish;
        private final Deque<Connection> idleSessions = new ArrayDeque<>();
        private boolean deployed;

        TsqlEngine(DatabaseTarget target, boolean babelfish) {
            this.target = target;
            this.babelfish = babelfish;
        }

        public Dialect dialect() {
            return Dialect.MSSQL;
        }

        public boolean isBabelfish() {
            return babelfish;
        }

        public synchronized DatabaseTarget freshDatabase() {
            if (!deployed) {
                Deployer.deploy(target);
                deployed = true;
            }
            try (Connection c = connect(target); Statement s = c.createStatement()) {
                for (String table : TABLES_CHILDREN_FIRST) {
                    s.execute("DELETE FROM " + table);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not empty " + target + ": " + e.getMessage(), e);
            }
            return target;
        }

        /** A kept session of the owner's, or a new one; closing it hands it back unless it is in a transaction. */
        public synchronized Connection connect(DatabaseTarget database) throws SQLException {
            Connection session = idleSessions.isEmpty() ? database.connect() : idleSessions.pop();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("close")) {
                            handBack(session);
                            return null;
                        }
                        try {
                            return method.invoke(session, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        private synchronized void handBack(Connection session) throws SQLException {
            if (session.isClosed() || !session.getAutoCommit()) {
                session.close();
            } else {
                idleSessions.push(session);
            }
        }

        /**
         * A user of the role's own, probe_ROLE. SQL Server: a user without login that the connection
         * impersonates (EXECUTE AS). Babelfish has neither, so there probe_ROLE is a login of its
         * own, and the connection logs in as it (an adjustment of the tests, in database/README.md).
         */
        public Connection connectAs(DatabaseTarget database, String role) throws SQLException {
            String user = "probe_" + role;
            if (!babelfish) {
                Connection c = database.connect();
                try (Statement s = c.createStatement()) {
                    s.execute("IF DATABASE_PRINCIPAL_ID(N'" + user + "') IS NULL CREATE USER " + user + " WITHOUT LOGIN");
                    s.execute("ALTER ROLE " + role + " ADD MEMBER " + user);
                    s.execute("EXECUTE AS USER = N'" + user + "'");
                }
                return c;
            }
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                s.execute("IF SUSER_ID(N'" + user + "') IS NULL CREATE LOGIN " + user
                        + " WITH PASSWORD = N'" + PROBE_PASSWORD + "'");
                s.execute("IF DATABASE_PRINCIPAL_ID(N'" + user + "') IS NULL CREATE USER " + user + " FOR LOGIN " + user);
                s.execute("ALTER ROLE " + role + " ADD MEMBER " + user);
            }
            String withoutCredentials = database.jdbcUrl().replaceAll("(?i);\\s*(user|password)\\s*=[^;]*", "");
            return DatabaseTarget.of(withoutCredentials, user, PROBE_PASSWORD).connect();
        }

        public String toString() {
            return babelfish ? "babelfish" : "sqlserver";
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
