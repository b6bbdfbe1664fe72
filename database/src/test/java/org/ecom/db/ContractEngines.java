package org.ecom.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The engines the contract suite runs on: embedded PostgreSQL always, and SQL Server when
 * {@code ECOM_TEST_MSSQL_URL} names one. Each test asks for a fresh, deployed, empty database.
 */
public final class ContractEngines {

    public static final String MSSQL_URL_VARIABLE = "ECOM_TEST_MSSQL_URL";

    /** Tables emptied between tests on a shared SQL Server database, children first. */
    private static final List<String> TABLES_CHILDREN_FIRST = List.of(
            "ml.customer_segment", "ml.repurchase_score", "ml.product_recommendation", "ml.revenue_forecast",
            "ml.model_run",
            "mart.invoice_summary", "mart.customer_month", "mart.customer_country_month", "mart.customer_summary", "mart.product_summary",
            "mart.monthly_summary", "mart.country_summary", "mart.product_pair",
            "quality.anomaly", "quality.batch_governance", "sales.cancellation_line", "sales.invoice_line", "sales.invoice",
            "sales.customer", "sales.product", "sales.country", "staging.rejected_line",
            "staging.retail_line", "staging.load_batch");

    private static EmbeddedDatabase postgres;
    private static final AtomicInteger databaseCounter = new AtomicInteger();
    private static boolean mssqlDeployed;

    private ContractEngines() {
    }

    /** A test engine: where a test's database lives and how to get a clean one. */
    public interface Engine {
        Dialect dialect();

        /** A deployed database holding no data. */
        DatabaseTarget freshDatabase();
    }

    /** For {@code @MethodSource}: every engine available here. */
    public static Stream<Engine> all() {
        List<Engine> engines = new ArrayList<>();
        engines.add(new Engine() {
            public Dialect dialect() {
                return Dialect.POSTGRESQL;
            }

            public DatabaseTarget freshDatabase() {
                return freshPostgres();
            }

            public String toString() {
                return "postgresql";
            }
        });
        String mssqlUrl = System.getenv(MSSQL_URL_VARIABLE);
        if (mssqlUrl != null && !mssqlUrl.isBlank()) {
            engines.add(new Engine() {
                public Dialect dialect() {
                    return Dialect.MSSQL;
                }

                public DatabaseTarget freshDatabase() {
                    return emptiedSqlServer(DatabaseTarget.of(mssqlUrl));
                }

                public String toString() {
                    return "sqlserver";
                }
            });
        }
        return engines.stream();
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

    /** The embedded server, for tests that need their own logins. */
    public static synchronized EmbeddedDatabase postgresServer() {
        freshPostgres();
        return postgres;
    }

    private static synchronized DatabaseTarget emptiedSqlServer(DatabaseTarget target) {
        if (!mssqlDeployed) {
            Deployer.deploy(target);
            mssqlDeployed = true;
        }
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            for (String table : TABLES_CHILDREN_FIRST) {
                s.execute("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty " + target + ": " + e.getMessage(), e);
        }
        return target;
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
