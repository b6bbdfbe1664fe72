package org.ecom.ml.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransientErrorsTest {

    @Test
    void connectionLossFailoverThrottlingAndDeadlocksAreTransient() {
        assertTrue(TransientErrors.isTransient(new SQLException("connection refused", "08001")));
        assertTrue(TransientErrors.isTransient(new SQLException("terminating connection", "57P01")));
        assertTrue(TransientErrors.isTransient(new SQLException("deadlock detected", "40P01")));
        assertTrue(TransientErrors.isTransient(new SQLException("database unavailable", "S0001", 40613)));
        assertTrue(TransientErrors.isTransient(new SQLException("service busy", "S0001", 40501)));
        assertTrue(TransientErrors.isTransient(new SQLException("deadlock victim", "40001", 1205)));
        assertTrue(TransientErrors.isTransient(new RuntimeException(new SQLException("wrapped", "08006"))));
    }

    @Test
    void mistakesAreNotRetried() {
        assertFalse(TransientErrors.isTransient(new SQLException("syntax error", "42601")));
        assertFalse(TransientErrors.isTransient(new SQLException("invalid object name", "S0002", 208)));
        assertFalse(TransientErrors.isTransient(new IllegalArgumentException("bad")));
    }

    @Test
    void transientErrorsAreRetriedWithReportsAndOthersFailAtOnce() {
        List<String> reports = new ArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        String result = Failsafe.with(TransientErrors.<String>retryPolicy(3, Duration.ofMillis(1), reports::add)).get(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new SQLException("connection reset", "08006");
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(2, reports.size());
        assertTrue(reports.get(0).startsWith("transient database error, retry 1 of 3"), reports.get(0));

        AtomicInteger mistakes = new AtomicInteger();
        assertThrows(FailsafeException.class, () -> Failsafe.with(TransientErrors.<String>retryPolicy(3, Duration.ofMillis(1),
                reports::add)).get(() -> {
            mistakes.incrementAndGet();
            throw new SQLException("syntax error", "42601");
        }));
        assertEquals(1, mistakes.get());
    }
}
