package org.ecom.ml.sidecar;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ecom.ml.ModelKind;
import org.ecom.ml.segment.CustomerSegmentation;
import org.ecom.ml.segment.SegmentationConfig;
import org.ecom.ml.segment.SegmentationResult;
import org.jdbi.v3.core.Handle;

/** Customer segments in the sidecar: k-means on kpi.rfm, written to ml.customer_segment. */
public record SegmentationJob(SegmentationConfig config) implements ModelJob<SegmentationResult> {

    public ModelKind kind() {
        return ModelKind.SEGMENTS;
    }

    public String fingerprint(TrainingInputs inputs) {
        return Fingerprint.of(inputs.rfm());
    }

    public SegmentationResult train(TrainingInputs inputs, Consumer<String> progress) {
        return CustomerSegmentation.fit(inputs.rfm(), config, progress);
    }

    public void write(SegmentationResult result, long runId, Handle handle) throws SQLException {
        RowInserter.insert(handle.getConnection(), "ml.customer_segment", List.of("run_id", "customer_id", "segment_id", "segment_name"),
                result.assignments().stream()
                        .map(s -> new Object[] {runId, s.customerId(), s.segmentId(), s.segmentName()})
                        .toList());
    }

    public Map<String, Object> headline(SegmentationResult result) {
        return Map.of("segments", result.segmentCount());
    }
}
