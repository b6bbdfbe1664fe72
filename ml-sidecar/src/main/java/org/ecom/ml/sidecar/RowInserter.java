package org.ecom.ml.sidecar;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Inserts many rows with multi-row VALUES statements, which both engines run far faster than one
 * statement per row. SQL Server allows at most 1000 rows per VALUES and 2100 parameters per
 * statement, hence the chunk size.
 */
public final class RowInserter {

    private static final int MAX_PARAMETERS = 2000;
    private static final int MAX_ROWS = 1000;

    private RowInserter() {
    }

    public static void insert(Connection connection, String table, List<String> columns, List<Object[]> rows)
            throws SQLException {
        int rowsPerStatement = Math.min(MAX_ROWS, MAX_PARAMETERS / columns.size());
        String rowMarks = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        for (int from = 0; from < rows.size(); from += rowsPerStatement) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), rowMarks));
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                for (Object[] row : chunk) {
                    for (Object value : row) {
                        statement.setObject(index++, value);
                    }
                }
                statement.executeUpdate();
            }
        }
    }
}
