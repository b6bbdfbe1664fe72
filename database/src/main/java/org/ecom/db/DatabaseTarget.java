package org.ecom.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database to work on: a JDBC URL (credentials may be in the URL or given apart) and its dialect.
 * The password is never printed.
 */
public record DatabaseTarget(String jdbcUrl, String user, String password, Dialect dialect) {

    public static DatabaseTarget of(String jdbcUrl, String user, String password) {
        return new DatabaseTarget(jdbcUrl, user, password, Dialect.ofJdbcUrl(jdbcUrl));
    }

    public static DatabaseTarget of(String jdbcUrl) {
        return of(jdbcUrl, null, null);
    }

    public Connection connect() throws SQLException {
        return user == null ? DriverManager.getConnection(jdbcUrl) : DriverManager.getConnection(jdbcUrl, user, password);
    }

    @Override
    public String toString() {
        return masked(jdbcUrl);
    }

    /** A JDBC URL fit to print: its password replaced by ***. */
    public static String masked(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
