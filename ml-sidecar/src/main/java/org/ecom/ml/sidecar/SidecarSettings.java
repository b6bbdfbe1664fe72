package org.ecom.ml.sidecar;

import java.time.Duration;
import java.util.List;
import org.ecom.ml.ModelKind;

/**
 * How the sidecar runs: which models, how many old runs of each to keep, how long to wait for
 * another sidecar's lock, and how to retry transient database errors.
 */
public record SidecarSettings(List<ModelKind> models, int keepRuns, Duration lockWait, int maxRetries,
                              Duration firstRetryDelay) {

    public SidecarSettings {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no model to run");
        }
        if (keepRuns < 1) {
            throw new IllegalArgumentException("keep at least one run of each model, not " + keepRuns);
        }
        models = List.copyOf(models);
    }

    public static SidecarSettings defaults() {
        return new SidecarSettings(List.of(ModelKind.values()), 10, Duration.ZERO, 5, Duration.ofSeconds(1));
    }
}
