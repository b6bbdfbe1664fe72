package org.ecom.cli;

import org.ecom.db.DatabaseTarget;
import org.ecom.db.EmbeddedDatabase;
import picocli.CommandLine.Option;

/** How a command finds its database: a JDBC URL, or else the embedded PostgreSQL. */
final class DatabaseOptions {

    static final int DEFAULT_EMBEDDED_PORT = 54329;

    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = "${env:ECOM_DB_URL}",
            description = "Database to use: jdbc:postgresql://... (PostgreSQL 15+) or jdbc:sqlserver://... (SQL Server 2019+ / Azure SQL). Default: $ECOM_DB_URL, else the embedded PostgreSQL kept in .ecom/pgdata. Credentials: in the URL, or $ECOM_DB_USER and $ECOM_DB_PASSWORD.")
    String jdbcUrl;

    @Option(names = "--embedded-port", paramLabel = "PORT", defaultValue = "" + DEFAULT_EMBEDDED_PORT,
            description = "Port of the embedded PostgreSQL (default: ${DEFAULT-VALUE}).")
    int embeddedPort;

    /** An open database: the target, and the embedded server behind it if we started one. */
    record Opened(DatabaseTarget target, EmbeddedDatabase embedded) implements AutoCloseable {
        boolean isEmbedded() {
            return embedded != null;
        }

        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** A database given by URL, with $ECOM_DB_USER and $ECOM_DB_PASSWORD when the URL has no credentials. */
    static DatabaseTarget targetOf(String jdbcUrl) {
        return DatabaseTarget.of(jdbcUrl, System.getenv("ECOM_DB_USER"), System.getenv("ECOM_DB_PASSWORD"));
    }

    Opened open() {
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            return new Opened(warmingUp(targetOf(jdbcUrl)), null);
        }
        Console.status("embedded PostgreSQL, data in " + EcomHome.dataFolder());
        EmbeddedDatabase embedded = EcomHome.startEmbeddedDatabase(embeddedPort);
        return new Opened(warmingUp(embedded.target()), embedded);
    }

    /**
     * Jdbi's first statement in a new process costs about 0.3 s (its SQL parser and mappers,
     * measured: docs/benchmarks.md): paid on a background thread while the command deploys or
     * starts reading its file, rather than in front of the first load.
     */
    private static DatabaseTarget warmingUp(DatabaseTarget target) {
        Thread warmUp = new Thread(() -> {
            try {
                target.jdbi().withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
            } catch (RuntimeException unreachable) {
                // The command's own first statement reports a database it cannot reach.
            }
        }, "jdbi-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return target;
    }
}
