package org.ecom.ml.sidecar;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.ecom.db.DatabaseTarget;

/** Reads a single number from a test's database. */
public final class WarehouseQueries {

    private WarehouseQueries() {
    }

    public static long count(DatabaseTarget target, String sql) throws Exception {
        try (Connection c = target.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
