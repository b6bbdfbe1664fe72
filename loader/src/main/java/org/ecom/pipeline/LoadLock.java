package org.ecom.pipeline;

import java.util.Optional;
import org.ecom.db.Dialect;
import org.jdbi.v3.core.Handle;

/**
 * One load at a time per database, held from before a file's batch is staged until its commit
 * or rollback: a transaction-scoped advisory lock (PostgreSQL) or a session-owned application
 * lock (SQL Server) released by {@link Held#close} after the transaction ends, or by the server
 * when the session dies. A load that waits for it then sees every batch committed before it, so
 * duplicate detection never misses lines another load has just added. A waiting load says so,
 * naming the holder when the engine can tell. {@code ./ecom sync} takes it too, for each batch it copies.
 */
public final class LoadLock {

    /** 'ecom' in ASCII (as the sidecar's lock) and 2 for loads: PostgreSQL's two-key advisory lock. */
    private static final int POSTGRES_CLASS = 0x65636f6d;
    private static final int POSTGRES_LOADS = 2;
    private static final String SQLSERVER_RESOURCE = "ecom-load";
    /**
     * SQL Server waits in slices rather than with @LockTimeout = -1: Babelfish never wakes an
     * endless wait, and ends the waiting session when a transaction-owned lock it waits for is
     * freed (hence the session-owned lock).
     */
    private static final int SQLSERVER_WAIT_SLICE_MILLIS = 1_000;

    /** The lock held; closing it (after commit or rollback) frees it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private LoadLock() {
    }

    /**
     * Takes the lock for the handle's open transaction, waiting (and saying so) while another
     * load holds it; {@code work} ("the load of X") is what waiting loads are told they wait for.
     */
    public static Held acquire(Handle handle, Dialect dialect, String work, Pipeline.Listener listener) {
        if (!tryLock(handle, dialect, 0)) {
            listener.waiting("waiting for " + holder(handle, dialect).orElse("another load into this database")
                    + " to finish (loads into one database run one at a time)");
            switch (dialect) {
                case POSTGRESQL -> handle.createQuery("SELECT pg_advisory_xact_lock(:c, :k)::text")
                        .bind("c", POSTGRES_CLASS).bind("k", POSTGRES_LOADS).mapTo(String.class).one();
                case MSSQL -> {
                    while (!tryLock(handle, dialect, SQLSERVER_WAIT_SLICE_MILLIS)) {
                        // another slice
                    }
                }
            }
        }
        describe(handle, dialect, work);
        return dialect == Dialect.POSTGRESQL ? () -> { } : () -> handle.execute(
                "EXEC sp_releaseapplock @Resource = ?, @LockOwner = 'Session'", SQLSERVER_RESOURCE);
    }

    private static boolean tryLock(Handle handle, Dialect dialect, int timeoutMillis) {
        return switch (dialect) {
            case POSTGRESQL -> handle.createQuery("SELECT pg_try_advisory_xact_lock(:c, :k)")
                    .bind("c", POSTGRES_CLASS).bind("k", POSTGRES_LOADS).mapTo(Boolean.class).one();
            // 0 or 1 when granted, negative when not (SQL Server: -1; Babelfish: -999 for a zero timeout)
            case MSSQL -> handle.createQuery("DECLARE @status int;"
                            + " EXEC @status = sp_getapplock @Resource = :resource, @LockMode = 'Exclusive',"
                            + " @LockOwner = 'Session', @LockTimeout = :timeout;"
                            + " SELECT @status")
                    .bind("resource", SQLSERVER_RESOURCE).bind("timeout", timeoutMillis).mapTo(Integer.class).one() >= 0;
        };
    }

    /** PostgreSQL: the session's application_name until the transaction ends, which other sessions can read. */
    private static void describe(Handle handle, Dialect dialect, String what) {
        if (dialect == Dialect.POSTGRESQL) {
            String name = "ecom: " + what;
            handle.createQuery("SELECT set_config('application_name', :name, true)") // 63 bytes at most
                    .bind("name", name.length() > 60 ? name.substring(0, 60) : name).mapTo(String.class).one();
        }
    }

    private static Optional<String> holder(Handle handle, Dialect dialect) {
        if (dialect != Dialect.POSTGRESQL) {
            return Optional.empty(); // sys.dm_tran_locks needs VIEW SERVER STATE, which a loader login lacks
        }
        return handle.createQuery("SELECT substring(a.application_name FROM 7) || ' (server process ' || a.pid || ')'"
                        + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                        + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = :c AND l.objid = :k"
                        + " AND l.objsubid = 2 AND a.application_name LIKE 'ecom: %'")
                .bind("c", POSTGRES_CLASS).bind("k", POSTGRES_LOADS).mapTo(String.class).findFirst();
    }
}
