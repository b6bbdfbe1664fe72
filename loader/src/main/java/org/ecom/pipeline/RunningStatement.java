package org.ecom.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGConnection;

/**
 * What a file's transaction is running, so that another thread can cancel it on the server
 * (closing the client would leave PostgreSQL running the statement until it next writes to it).
 * PostgreSQL cancels whatever the connection runs, COPY included; elsewhere the JDBC statement
 * Jdbi is executing is cancelled ({@code Statement.cancel}).
 */
final class RunningStatement implements StatementCustomizer {

    volatile Connection connection;
    private volatile PreparedStatement statement;
    private volatile boolean cancelled;

    /** A cancel that fell between two statements stops the next one. */
    @Override
    public void beforeExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
        if (cancelled) {
            throw new SQLException("the load was cancelled");
        }
        statement = stmt;
    }

    @Override
    public void afterExecution(PreparedStatement stmt, StatementContext ctx) {
        statement = null;
    }

    /** Whether a transaction was open to cancel. */
    boolean cancel() {
        Connection open = connection;
        if (open == null) {
            return false;
        }
        cancelled = true;
        try {
            if (open.isWrapperFor(PGConnection.class)) {
                open.unwrap(PGConnection.class).cancelQuery();
            } else {
                PreparedStatement current = statement;
                if (current != null) {
                    current.cancel();
                }
            }
        } catch (SQLException e) {
            // The statement ended meanwhile, or the connection is gone: either way nothing runs any more.
        }
        return true;
    }
}
