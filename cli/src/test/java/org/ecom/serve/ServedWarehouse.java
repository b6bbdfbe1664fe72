package org.ecom.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.Dialect;
import org.ecom.generate.GeneratorSettings;
import org.ecom.generate.RetailDataGenerator;
import org.ecom.ml.ModelKind;
import org.ecom.ml.sidecar.GeneratedWarehouse;
import org.ecom.ml.sidecar.Sidecar;
import org.ecom.ml.sidecar.SidecarJobs;
import org.ecom.ml.sidecar.SidecarReport;
import org.ecom.ml.sidecar.SidecarSettings;
import org.ecom.pipeline.Pipeline;

/**
 * A generated warehouse with one real sidecar pass (every model, its artefact stored), served by
 * one {@code ./ecom serve} on a free port: one on embedded PostgreSQL, shared by the API and browser
 * tests of a test JVM, and one on the T-SQL server of {@code ECOM_TEST_MSSQL_URL}.
 * {@code owner} is the warehouse's owner, what the tests check answers against; {@code reader} is
 * the login serve reads with (on PostgreSQL the owner, whose sessions switch to analytics_reader).
 */
final class ServedWarehouse {

    /** Small, since Babelfish loads about 9x slower than PostgreSQL; enough for every model to train. */
    private static final long TSQL_ROWS = 20_000;
    /** The password of the T-SQL logins of these tests (a throwaway test server's). */
    private static final String PASSWORD = "Serve_Reader_1";

    private static ServedWarehouse postgres;
    private static ServedWarehouse tsql;

    final ContractEngines.Engine engine;
    final DatabaseTarget owner;
    final DatabaseTarget reader;
    final ServeData data;
    final ApiServer server;

    private ServedWarehouse(ContractEngines.Engine engine, DatabaseTarget owner, DatabaseTarget reader, ServeData data,
                            ApiServer server) {
        this.engine = engine;
        this.owner = owner;
        this.reader = reader;
        this.data = data;
        this.server = server;
    }

    /** The PostgreSQL one. */
    static synchronized ServedWarehouse get() throws Exception {
        if (postgres == null) {
            DatabaseTarget target = GeneratedWarehouse.withoutRuns();
            postgres = scoredAndServed(engine(Dialect.POSTGRESQL), target, target);
        }
        return postgres;
    }

    /** The T-SQL one: the contract database (deployed once per test JVM) loaded with a small generated file. */
    static synchronized ServedWarehouse tsql() throws Exception {
        if (tsql == null) {
            ContractEngines.Engine engine = engine(Dialect.MSSQL);
            DatabaseTarget target = engine.freshDatabase();
            Path file = Files.createDirectories(Path.of("target", "serve-tests")).resolve("tsql.csv");
            new RetailDataGenerator(new GeneratorSettings(TSQL_ROWS, 7)).write(file);
            new Pipeline(target).run(file);
            tsql = scoredAndServed(engine, target, readerLogin(target));
        }
        return tsql;
    }

    /**
     * A login that is a member of analytics_reader only, as a DBA gives serve on SQL Server: the
     * roles come with the deploy (security/roles.sql), the login and its user are the DBA's.
     */
    static DatabaseTarget readerLogin(DatabaseTarget owner) throws Exception {
        return login(owner, "serve_reader", "analytics_reader");
    }

    /** A login of the T-SQL server with a user {@code user} in the owner's database, a member of {@code roles}. */
    static DatabaseTarget login(DatabaseTarget owner, String user, String... roles) throws Exception {
        // Logins are the server's: named after the database too, so two test databases never share one.
        String login = user + "_" + owner.jdbi().withHandle(h -> h.createQuery("SELECT DB_NAME()").mapTo(String.class).one());
        try (Connection c = owner.connect(); Statement s = c.createStatement()) {
            s.execute("IF SUSER_ID(N'" + login + "') IS NULL CREATE LOGIN " + login + " WITH PASSWORD = N'" + PASSWORD + "'");
            s.execute("IF DATABASE_PRINCIPAL_ID(N'" + user + "') IS NULL CREATE USER " + user + " FOR LOGIN " + login);
            for (String role : roles) {
                s.execute("ALTER ROLE " + role + " ADD MEMBER " + user);
            }
        }
        String withoutCredentials = owner.jdbcUrl().replaceAll("(?i);\\s*(user|password)\\s*=[^;]*", "");
        return DatabaseTarget.of(withoutCredentials, login, PASSWORD);
    }

    private static ContractEngines.Engine engine(Dialect dialect) {
        return ContractEngines.all().filter(e -> e.dialect() == dialect).findFirst()
                .orElseThrow(() -> new IllegalStateException(ContractEngines.MSSQL_URL_VARIABLE + " is not set"));
    }

    private static ServedWarehouse scoredAndServed(ContractEngines.Engine engine, DatabaseTarget owner, DatabaseTarget reader) throws Exception {
        SidecarSettings settings = new SidecarSettings(List.of(ModelKind.values()), 3, Duration.ZERO, 1,
                Duration.ofMillis(10), Optional.empty());
        SidecarReport report = new Sidecar(owner, settings, SidecarJobs.standard(42, Path.of("target", "djl-cache")),
                line -> { }).runOnce();
        if (!report.allSucceeded()) {
            throw new IllegalStateException("the sidecar pass failed: " + report);
        }
        // A generous rate: the tests' own requests must not meet the limit (its own test uses a server of its own).
        ServeSettings serving = new ServeSettings("127.0.0.1", 0, Optional.empty(), 10_000, 16_384,
                Duration.ofSeconds(5), Duration.ofSeconds(1));
        ReaderPool pool = ReaderPool.open(reader, serving.statementTimeout());
        ServeData data = ServeData.start(pool, serving.refreshEvery(), System.out::println);
        return new ServedWarehouse(engine, owner, reader, data, ApiServer.start(data, serving, System.out::println));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }
}
