package org.ecom.powerbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The views of a deployed database and their columns' types, from information_schema (the same on
 * PostgreSQL and SQL Server). Only views: a model table on a raw table is a problem in itself.
 */
public final class DatabaseViews {

    private final Map<String, Map<String, String>> columnsByView = new LinkedHashMap<>();

    public DatabaseViews(Connection connection) throws SQLException {
        String sql = "SELECT c.table_schema, c.table_name, c.column_name, c.data_type"
                + " FROM information_schema.columns AS c"
                + " JOIN information_schema.views AS v ON v.table_schema = c.table_schema AND v.table_name = c.table_name"
                + " ORDER BY c.table_schema, c.table_name, c.ordinal_position";
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columnsByView.computeIfAbsent(key(rows.getString(1), rows.getString(2)), k -> new LinkedHashMap<>())
                        .put(rows.getString(3).toLowerCase(Locale.ROOT), rows.getString(4).toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The view's columns (name to SQL type), if the view exists. */
    public Optional<Map<String, String>> columns(String schema, String view) {
        return Optional.ofNullable(columnsByView.get(key(schema, view)));
    }

    private static String key(String schema, String view) {
        return (schema + "." + view).toLowerCase(Locale.ROOT);
    }

    /** Whether a TMDL dataType can hold a column of this SQL type (as named by information_schema). */
    public static boolean compatible(String tmdlDataType, String sqlType) {
        return switch (tmdlDataType) {
            case "int64" -> sqlType.matches("smallint|integer|bigint|int|tinyint");
            case "decimal", "double" -> sqlType.matches("smallint|integer|bigint|int|tinyint|numeric|decimal|double precision|real|float|money");
            case "string" -> sqlType.matches("character varying|varchar|nvarchar|text|character|char|nchar");
            case "dateTime" -> sqlType.matches("date|datetime2?|timestamp( without time zone| with time zone)?|datetimeoffset");
            case "boolean" -> sqlType.matches("boolean|bit");
            default -> false;
        };
    }
}
