package org.ecom.ml.sidecar;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import org.ecom.db.DatabaseTarget;

/**
 * One sidecar per database: a session-level advisory lock (PostgreSQL) or application lock (SQL
 * Server) held on its own connection for the whole pass. The database frees it if the process dies.
 */
final class SidecarLock implements AutoCloseable {

    /** 'ecom' in ASCII: the PostgreSQL advisory lock key. */
    private static final long POSTGRES_KEY = 0x65636f6dL;
    private static final String SQLSERVER_RESOURCE = "ecom-sidecar";

    private final Connection connection;
    private final DatabaseTarget target;

    private SidecarLock(Connection connection, DatabaseTarget target) {
        this.connection = connection;
        this.target = target;
    }

    /** The lock, waiting up to {@code wait} for another sidecar to finish; thrown if still held. */
    static SidecarLock acquire(DatabaseTarget target, Duration wait) throws SQLException, InterruptedException {
        Connection connection = target.connect();
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            while (!tryLock(connection, target)) {
                if (System.nanoTime() >= deadline) {
                    throw new SidecarBusyException("another sidecar is running on " + target
                            + (wait.isZero() ? "" : " (waited " + wait.toSeconds() + " s)")
                            + ": it holds the sidecar lock; try again later or pass --lock-wait SECONDS");
                }
                Thread.sleep(1000);
            }
            return new SidecarLock(connection, target);
        } catch (SQLException | InterruptedException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static boolean tryLock(Connection connection, DatabaseTarget target) throws SQLException {
        return switch (target.dialect()) {
            case POSTGRESQL -> {
                try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                    statement.setLong(1, POSTGRES_KEY);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        yield rs.getBoolean(1);
                    }
                }
            }
            case MSSQL -> {
                // sp_getapplock returns 0 or 1 when granted, negative when not (-1: timeout).
                try (CallableStatement statement = connection.prepareCall(
                        "{? = call sp_getapplock(@Resource = ?, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0)}")) {
                    statement.registerOutParameter(1, Types.INTEGER);
                    statement.setString(2, SQLSERVER_RESOURCE);
                    statement.execute();
                    yield statement.getInt(1) >= 0;
                }
            }
        };
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            switch (target.dialect()) {
                case POSTGRESQL -> {
                    try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                        statement.setLong(1, POSTGRES_KEY);
                        statement.executeQuery().close();
                    }
                }
                case MSSQL -> {
                    try (CallableStatement statement = connection.prepareCall(
                            "{call sp_releaseapplock(@Resource = ?, @LockOwner = 'Session')}")) {
                        statement.setString(1, SQLSERVER_RESOURCE);
                        statement.execute();
                    }
                }
            }
        }
    }
}
