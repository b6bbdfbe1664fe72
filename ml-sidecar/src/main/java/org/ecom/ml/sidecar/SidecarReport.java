package org.ecom.ml.sidecar;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one sidecar pass did: the as-of date of the data, and each model's outcome in run order. */
public record SidecarReport(LocalDate asOfDate, List<ModelOutcome> models, boolean stopped) {

    public boolean allSucceeded() {
        return !stopped && models.stream().allMatch(ModelOutcome::succeeded);
    }

    /** The headline figures of every model that succeeded, in one map for the run summary. */
    public Map<String, Object> headline() {
        Map<String, Object> all = new LinkedHashMap<>();
        models.stream().filter(ModelOutcome::succeeded).forEach(m -> all.putAll(m.headline()));
        return all;
    }
}
