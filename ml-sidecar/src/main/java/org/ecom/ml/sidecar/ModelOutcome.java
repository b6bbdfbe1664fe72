package org.ecom.ml.sidecar;

import java.util.Map;
import org.ecom.ml.ModelKind;

/** How one model's run ended: its run id, its headline figures if it succeeded, the error if not. */
public record ModelOutcome(ModelKind kind, long runId, boolean succeeded, Map<String, Object> headline,
                           long elapsedMillis, String error) {
}
