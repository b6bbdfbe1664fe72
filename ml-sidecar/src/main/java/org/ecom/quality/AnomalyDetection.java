package org.ecom.quality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.ecom.db.DatabaseTarget;

/**
 * Runs the anomaly detection procedures of schema quality (with their default thresholds) over
 * all clean sales lines, in one transaction, and counts what each method flagged.
 */
public final class AnomalyDetection {

    /** Lines flagged per method, as stored in quality.anomaly. */
    public record Counts(long quantityZscore, long quantityByProduct, long priceByProduct) {
    }

    private AnomalyDetection() {
    }

    public static Counts run(DatabaseTarget target) throws SQLException {
        try (Connection connection = target.connect()) {
            connection.setAutoCommit(false);
            try {
                for (String procedure : new String[] {"quality.detect_quantity_anomalies", "quality.detect_price_anomalies"}) {
                    try (PreparedStatement s = connection.prepareStatement(target.dialect().callStatement(procedure, 0))) {
                        s.execute();
                    }
                }
                Counts counts = new Counts(count(connection, "quantity_zscore"),
                        count(connection, "quantity_robust_product"), count(connection, "price_robust_product"));
                connection.commit();
                return counts;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static long count(Connection connection, String method) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM quality.anomaly WHERE method = '" + method + "'")) {
            r.next();
            return r.getLong(1);
        }
    }
}
