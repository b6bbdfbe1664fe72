package org.ecom.ml.sidecar;

import dev.failsafe.RetryPolicy;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which database errors are worth retrying, and the retry policy the sidecar uses for them: a
 * dropped connection, a failover or throttling, a deadlock. Anything else fails at once.
 */
public final class TransientErrors {

    /**
     * Azure SQL's transient error numbers (Microsoft's list for retry logic: reconfiguration,
     * failover, throttling, service busy) and SQL Server's deadlock victim (1205).
     */
    private static final Set<Integer> SQLSERVER_TRANSIENT = Set.of(
            26, 40, 615, 926, 1205, 4060, 4221, 10053, 10054, 10060, 10928, 10929, 40143, 40197, 40501, 40540,
            40613, 42108, 42109, 49918, 49919, 49920);

    /** PostgreSQL: serialization failure, deadlock, server shutting down or starting, too many connections. */
    private static final Set<String> POSTGRES_TRANSIENT = Set.of("40001", "40P01", "57P01", "57P02", "57P03", "53300");

    private TransientErrors() {
    }

    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || POSTGRES_TRANSIENT.contains(state))) {
                    return true;
                }
                // Only SQL Server sets vendor error codes; PostgreSQL's driver leaves them 0.
                if (SQLSERVER_TRANSIENT.contains(sql.getErrorCode())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Up to {@code maxRetries} retries of transient errors, backing off from 1 s to 30 s, each one reported. */
    public static <T> RetryPolicy<T> retryPolicy(int maxRetries, Duration firstDelay, Consumer<String> progress) {
        return RetryPolicy.<T>builder()
                .handleIf(TransientErrors::isTransient)
                .withBackoff(firstDelay, Duration.ofSeconds(30))
                .withMaxRetries(maxRetries)
                .onRetry(event -> progress.accept("transient database error, retry " + event.getAttemptCount()
                        + " of " + maxRetries + ": " + event.getLastException().getMessage()))
                .build();
    }
}
