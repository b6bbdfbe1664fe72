package org.ecom.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Babelfish for PostgreSQL: PostgreSQL speaking T-SQL and SQL Server's wire protocol. It calls
 * itself Microsoft SQL Server to a driver, so the server is asked: SERVERPROPERTY('Babelfish') is
 * 1 there and NULL on SQL Server and Azure SQL.
 */
public final class Babelfish {

    private Babelfish() {
    }

    /** Whether a connection of the T-SQL dialect is to a Babelfish server. */
    public static boolean is(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT CAST(SERVERPROPERTY('Babelfish') AS int)")) {
            return r.next() && r.getInt(1) == 1;
        }
    }
}
