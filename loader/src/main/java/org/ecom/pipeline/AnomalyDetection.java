package org.ecom.pipeline;

import java.util.Map;
import java.util.stream.Collectors;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.Dialect;
import org.jdbi.v3.core.Handle;

/**
 * Runs the anomaly detection procedures of schema quality (with their default thresholds) in one
 * transaction, and counts what each method flagged. Only the batches loaded since the last
 * detection are counted and only their products rescored: the rows equal a detection over all
 * clean lines, at the cost of what was added.
 */
public final class AnomalyDetection {

    /** Lines flagged per method, as stored in quality.anomaly. */
    public record Counts(long quantityZscore, long quantityByProduct, long priceByProduct) {
    }

    private AnomalyDetection() {
    }

    public static Counts run(DatabaseTarget target) {
        return run(target, Pipeline.Listener.QUIET);
    }

    /** Under the load lock: detection replaces quality.anomaly, which a concurrent detection would double. */
    static Counts run(DatabaseTarget target, Pipeline.Listener listener) {
        return target.jdbi().withHandle(handle -> {
            handle.begin();
            try (LoadLock.Held lock = LoadLock.acquire(handle, target.dialect(), "anomaly detection", listener)) {
                try {
                    Counts counts = detect(target, handle);
                    handle.commit();
                    return counts;
                } catch (RuntimeException e) {
                    handle.rollback();
                    throw e;
                }
            }
        });
    }

    private static Counts detect(DatabaseTarget target, Handle handle) {
        for (String procedure : new String[] {"quality.detect_quantity_anomalies", "quality.detect_price_anomalies"}) {
            handle.execute(incrementalCall(target.dialect(), procedure));
        }
        Map<String, Long> byMethod = handle.createQuery("SELECT method, COUNT(*) AS flagged FROM quality.anomaly GROUP BY method")
                .map((row, context) -> Map.entry(row.getString("method"), row.getLong("flagged")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new Counts(byMethod.getOrDefault("quantity_zscore", 0L),
                byMethod.getOrDefault("quantity_robust_product", 0L),
                byMethod.getOrDefault("price_robust_product", 0L));
    }

    /**
     * The procedure with its default thresholds, counting only the batches loaded since the last
     * detection (the procedures' full recount, their default, is the repair).
     */
    private static String incrementalCall(Dialect dialect, String procedure) {
        return switch (dialect) {
            case POSTGRESQL -> "CALL " + procedure + "(p_full => false)";
            case MSSQL -> "EXEC " + procedure + " @full = 0";
        };
    }
}
