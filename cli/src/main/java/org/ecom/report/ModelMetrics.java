package org.ecom.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/**
 * Each model's headline figure beside its baseline, read from the metrics of its latest run, for
 * the report's small table: a reader sees whether the model beats the simple rule it replaces.
 */
final class ModelMetrics {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One row of the table. Paths are JSON pointers into the run's metrics (the first present one
     * is used); a fixed baseline is a number given here; unit says how the page prints the values.
     */
    private record Figure(String model, String metric, List<String> paths, String baselineName,
                          List<String> baselinePaths, Double fixedBaseline, String unit, boolean higherIsBetter) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("segments", "Silhouette (cluster separation)", List.of("/silhouette"),
                    "none: an unsupervised split has no baseline", List.of(), null, "ratio", true),
            new Figure("repurchase", "AUC on the held-out window", List.of("/test_auc"),
                    "recency alone", List.of("/rolling_origin/origins/0/recency_only/roc_auc", "/baselines/recency_only/roc_auc"),
                    null, "ratio", true),
            new Figure("repurchase", "AUC, mean of the rolling origins", List.of("/mean_roc_auc"),
                    "recency alone", List.of("/rolling_origin/mean/recency_only_roc_auc"), null, "ratio", true),
            new Figure("repurchase", "Brier score, mean of the rolling origins", List.of("/mean_brier"),
                    "one rate for everyone", List.of("/rolling_origin/mean/prior_rate_brier"), null, "ratio", false),
            new Figure("recommendations", "Hit rate at 10", List.of("/hr10", "/recommendation_hr10"),
                    "most popular products", List.of("/popularity_hr10"), null, "percent", true),
            new Figure("forecast", "MAPE, backtest", List.of("/mape"),
                    "same month last year", List.of("/seasonal_naive_mape"), null, "percent_points", false),
            new Figure("forecast", "Actuals inside the 95 % interval", List.of("/interval_coverage"),
                    "the nominal 95 %", List.of(), 0.95, "percent", true));

    private ModelMetrics() {
    }

    /**
     * The table's rows for the runs given (model_kind, metrics_json each); a model without a run, and a
     * figure its run does not report, are left out.
     */
    static ArrayNode headline(ArrayNode runs) {
        ArrayNode table = JSON.createArrayNode();
        for (Figure figure : FIGURES) {
            for (JsonNode run : runs) {
                if (!figure.model().equals(run.path("model_kind").asText())) {
                    continue;
                }
                JsonNode metrics = parse(run.path("metrics_json").asText("{}"));
                Double value = first(metrics, figure.paths());
                if (value == null) {
                    continue; // a run that does not report the figure (an older version's) has no row for it
                }
                Double baseline = figure.fixedBaseline() != null ? figure.fixedBaseline() : first(metrics, figure.baselinePaths());
                table.addObject()
                        .put("model", figure.model())
                        .put("metric", figure.metric())
                        .put("value", value)
                        .put("baseline_name", figure.baselineName())
                        .put("baseline", baseline)
                        .put("unit", figure.unit())
                        .put("higher_is_better", figure.higherIsBetter())
                        .put("as_of", run.path("as_of_date").asText(""));
            }
        }
        return table;
    }

    private static Double first(JsonNode metrics, List<String> paths) {
        for (String path : paths) {
            JsonNode value = metrics.at(path);
            if (value.isNumber()) {
                return value.doubleValue();
            }
        }
        return null;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
