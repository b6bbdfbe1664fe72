package org.ecom.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Query results as text, the form the contract tests compare on every engine: each row's columns
 * joined by '|', booleans (bit on SQL Server) as true/false, NULL as null.
 */
public final class Rows {

    private Rows() {
    }

    public static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (i > 1) {
                        row.append('|');
                    }
                    int type = meta.getColumnType(i);
                    if (type == Types.BOOLEAN || type == Types.BIT) {
                        boolean value = r.getBoolean(i);
                        row.append(r.wasNull() ? "null" : String.valueOf(value));
                    } else {
                        row.append(r.getString(i));
                    }
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** The first column of the first row. */
    public static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A single number a query returns, read on a connection of its own. */
    public static long number(DatabaseTarget target, String sql) {
        return target.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    public static int count(Connection c, String table) throws SQLException {
        return Integer.parseInt(scalar(c, "SELECT COUNT(*) FROM " + table));
    }
}
