package org.ecom.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * READ_COMMITTED_SNAPSHOT on a SQL Server database: without it (the default on SQL Server 2019,
 * not on Azure SQL Database) a reader waits for every writer, so each Power BI DirectQuery visual
 * waits for a load to commit. The deploy sets it when it is off; setting it needs a moment when no
 * one else is connected, so when that fails the deploy says so and what to run. Babelfish reports
 * it on (PostgreSQL's readers never wait for writers).
 */
final class ReadCommittedSnapshot {

    static final String IS_ON = "SELECT is_read_committed_snapshot_on FROM sys.databases WHERE database_id = DB_ID()";
    /** NO_WAIT: fail at once rather than wait for, or roll back, other sessions. */
    static final String SET_ON = "ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON WITH NO_WAIT";
    /** The same as one batch, for a script: EXEC, so that a server without ALTER DATABASE still parses it. */
    static final String SET_ON_WHEN_OFF = "IF (" + IS_ON + ") = 0\n    EXEC (N'" + SET_ON + "');";

    private ReadCommittedSnapshot() {
    }

    /** Sets it when it is off; returns what the person deploying should know (nothing when it was on). */
    static List<String> ensure(Connection connection) {
        try (Statement s = connection.createStatement()) {
            try (ResultSet r = s.executeQuery(IS_ON)) {
                if (!r.next() || r.getBoolean(1)) {
                    return List.of();
                }
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true); // ALTER DATABASE is not allowed in a transaction
            try {
                s.execute(SET_ON);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            return List.of("READ_COMMITTED_SNAPSHOT was off: set on (DirectQuery readers no longer wait for loads)");
        } catch (SQLException e) {
            return List.of(notSet(e.getMessage()));
        }
    }

    private static String notSet(String why) {
        return "READ_COMMITTED_SNAPSHOT is off and could not be set (" + why.strip() + "): until a DBA runs"
                + " ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON while no one else is connected,"
                + " every DirectQuery visual waits for each load to commit";
    }
}
