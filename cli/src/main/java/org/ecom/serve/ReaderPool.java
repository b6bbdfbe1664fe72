package org.ecom.serve;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.Dialect;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * The connections {@code ./ecom serve} reads through: a small HikariCP pool whose every session is
 * analytics_reader and read-only, with a query timeout on every statement.
 * <p>
 * On PostgreSQL each session starts with {@code SET ROLE analytics_reader} (the login must be a
 * member: the embedded database's owner is), so the session has the reader's rights and no more.
 * SQL Server has no such switch for a pooled login, so there the login given must itself be a
 * member of analytics_reader only. Either way the pool is refused when its session could write.
 */
public final class ReaderPool implements AutoCloseable {

    private static final int CONNECTIONS = 4;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;

    private ReaderPool(HikariDataSource dataSource, Dialect dialect, Duration statementTimeout) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
        jdbi.getConfig(SqlStatements.class).setQueryTimeout((int) Math.max(1, statementTimeout.toSeconds()));
    }

    /** Opens the pool and checks that its sessions cannot write; throws, naming the fix, when they can. */
    public static ReaderPool open(DatabaseTarget target, Duration statementTimeout) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ecom-serve");
        config.setJdbcUrl(target.connectionUrl());
        if (target.user() != null) {
            config.setUsername(target.user());
            config.setPassword(target.password());
        }
        config.setMaximumPoolSize(CONNECTIONS);
        config.setMinimumIdle(CONNECTIONS);
        config.setReadOnly(true);
        config.setAutoCommit(true);
        // A request waits at most a second for a connection: a database that is down answers 503 quickly.
        config.setConnectionTimeout(1_000);
        config.setValidationTimeout(1_000);
        if (target.dialect() == Dialect.POSTGRESQL) {
            config.setConnectionInitSql("SET ROLE analytics_reader");
        }
        ReaderPool pool = new ReaderPool(new HikariDataSource(config), target.dialect(), statementTimeout);
        try {
            pool.refuseWriters();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** A session that may write could be made to by a bug: not served. */
    private void refuseWriters() {
        String canWrite = switch (dialect) {
            // Any write right on any table of the warehouse's schemas; by oid, which needs no right on the schema.
            case POSTGRESQL -> "SELECT COUNT(*) FROM pg_catalog.pg_class AS c"
                    + " JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('staging', 'sales', 'quality', 'mart', 'kpi', 'analysis', 'ml')"
                    + " AND has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')";
            // The same on SQL Server, and EXECUTE on any procedure: through ownership chaining a procedure writes
            // what its caller cannot (etl_loader's sales.clean_batch). A login sees only the objects it has a right on.
            case MSSQL -> "SELECT COUNT(*) FROM sys.objects AS o"
                    + " CROSS APPLY (SELECT QUOTENAME(SCHEMA_NAME(o.schema_id)) + N'.' + QUOTENAME(o.name) AS object_name) AS n"
                    + " WHERE SCHEMA_NAME(o.schema_id) IN (N'staging', N'sales', N'quality', N'mart', N'kpi', N'analysis', N'ml')"
                    + " AND ((o.type = 'U' AND (HAS_PERMS_BY_NAME(n.object_name, N'OBJECT', N'INSERT') = 1"
                    + " OR HAS_PERMS_BY_NAME(n.object_name, N'OBJECT', N'UPDATE') = 1"
                    + " OR HAS_PERMS_BY_NAME(n.object_name, N'OBJECT', N'DELETE') = 1))"
                    + " OR (o.type = 'P' AND HAS_PERMS_BY_NAME(n.object_name, N'OBJECT', N'EXECUTE') = 1))";
        };
        int writer = jdbi.withHandle(h -> h.createQuery(canWrite).mapTo(Integer.class).one());
        if (writer != 0) {
            throw new IllegalStateException("the database login can write (it is not limited to analytics_reader):"
                    + " serve reads with a login that is a member of analytics_reader only");
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
