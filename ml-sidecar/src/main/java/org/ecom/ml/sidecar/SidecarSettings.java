package org.ecom.ml.sidecar;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ecom.ml.ModelKind;

/**
 * How the sidecar runs: which models, how many old runs of each to keep, how long to wait for
 * another sidecar's lock, how to retry transient database errors, and the as-of day of the models
 * (empty: the day after the last sale).
 */
public record SidecarSettings(List<ModelKind> models, int keepRuns, Duration lockWait, int maxRetries,
                              Duration firstRetryDelay, Optional<LocalDate> asOf) {

    public SidecarSettings {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no model to run");
        }
        if (keepRuns < 1) {
            throw new IllegalArgumentException("keep at least one run of each model, not " + keepRuns);
        }
        models = List.copyOf(models);
        Objects.requireNonNull(asOf, "asOf (Optional.empty() for the day after the last sale)");
    }

    public static SidecarSettings defaults() {
        return new SidecarSettings(List.of(ModelKind.values()), 10, Duration.ZERO, 5, Duration.ofSeconds(1), Optional.empty());
    }

    public SidecarSettings withAsOf(Optional<LocalDate> day) {
        return new SidecarSettings(models, keepRuns, lockWait, maxRetries, firstRetryDelay, day);
    }
}
