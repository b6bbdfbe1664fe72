package org.ecom.ml.sidecar;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ecom.ml.ModelKind;
import org.ecom.ml.recommend.ProductRecommending;
import org.ecom.ml.recommend.RecommendationConfig;
import org.ecom.ml.recommend.RecommendationResult;
import org.jdbi.v3.core.Handle;

/** Product recommendations in the sidecar: the best of three recommenders, written to ml.product_recommendation. */
public record RecommendationJob(RecommendationConfig config) implements ModelJob<RecommendationResult> {

    public ModelKind kind() {
        return ModelKind.RECOMMENDATIONS;
    }

    public String fingerprint(TrainingInputs inputs) {
        return Fingerprint.of(inputs.purchases());
    }

    public RecommendationResult train(TrainingInputs inputs, Consumer<String> progress) {
        return ProductRecommending.run(inputs.purchases(), config, progress);
    }

    public void write(RecommendationResult result, long runId, Handle handle) throws SQLException {
        RowInserter.insert(handle.getConnection(), "ml.product_recommendation",
                List.of("run_id", "customer_id", "recommendation_rank", "stock_code", "score"),
                result.recommendations().stream()
                        .map(r -> new Object[] {runId, r.customerId(), r.rank(), r.stockCode(), r.score()})
                        .toList());
    }

    public Map<String, Object> headline(RecommendationResult result) {
        return Map.of("recommendation_hr10", result.hr10(), "popularity_hr10", result.popularityHr10(),
                "recommendation_model", result.chosenModel());
    }
}
