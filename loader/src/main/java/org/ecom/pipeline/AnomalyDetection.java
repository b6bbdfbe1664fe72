package org.ecom.pipeline;

import java.util.Map;
import java.util.stream.Collectors;
import org.ecom.db.DatabaseTarget;
import org.jdbi.v3.core.Handle;

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
            handle.execute(target.dialect().callStatement(procedure, 0));
        }
        Map<String, Long> byMethod = handle.createQuery("SELECT method, COUNT(*) AS flagged FROM quality.anomaly GROUP BY method")
                .map((row, context) -> Map.entry(row.getString("method"), row.getLong("flagged")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new Counts(byMethod.getOrDefault("quantity_zscore", 0L),
                byMethod.getOrDefault("quantity_robust_product", 0L),
                byMethod.getOrDefault("price_robust_product", 0L));
    }
}
