package org.ecom.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

class ModelMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ArrayNode runs(String... kindAndMetrics) {
        ArrayNode runs = JSON.createArrayNode();
        for (int i = 0; i < kindAndMetrics.length; i += 2) {
            runs.addObject().put("model_kind", kindAndMetrics[i]).put("metrics_json", kindAndMetrics[i + 1])
                    .put("as_of_date", "2011-12-10");
        }
        return runs;
    }

    @Test
    void eachHeadlineFigureSitsBesideItsBaseline() {
        ArrayNode table = ModelMetrics.headline(runs(
                "forecast", "{\"mape\": 6.5, \"seasonal_naive_mape\": 4.5, \"interval_coverage\": 1.0}",
                "repurchase", "{\"test_auc\": 0.80, \"rolling_origin\": {\"origins\": [{\"recency_only\": {\"roc_auc\": 0.76}}]}}",
                "recommendations", "{\"recommendation_hr10\": 0.38, \"popularity_hr10\": 0.23}"));
        assertEquals(4, table.size(), "no segmentation run: no silhouette row");
        JsonNode repurchase = table.get(0);
        assertEquals("repurchase", repurchase.get("model").asText());
        assertEquals(0.80, repurchase.get("value").asDouble());
        assertEquals(0.76, repurchase.get("baseline").asDouble(), "the recency-only AUC of the first rolling origin");
        assertEquals(0.23, table.get(1).get("baseline").asDouble());
        JsonNode mape = table.get(2);
        assertEquals(4.5, mape.get("baseline").asDouble());
        assertTrue(!mape.get("higher_is_better").asBoolean(), "a lower MAPE is better");
        assertEquals(0.95, table.get(3).get("baseline").asDouble(), "the nominal coverage");
    }

    @Test
    void aMissingFigureIsNullNotZero() {
        JsonNode row = ModelMetrics.headline(runs("repurchase", "{\"test_auc\": 0.80}")).get(0);
        assertTrue(row.get("baseline").isNull());
    }
}
