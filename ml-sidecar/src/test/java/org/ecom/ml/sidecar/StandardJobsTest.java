package org.ecom.ml.sidecar;

import static org.ecom.db.Rows.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.ecom.ml.ModelKind;
import org.ecom.ml.repurchase.RepurchaseConfig;
import org.ecom.ml.repurchase.RepurchaseModeling;
import org.ecom.ml.repurchase.RepurchaseScorer;
import org.ecom.ml.repurchase.ScorerArtefact;
import org.junit.jupiter.api.Test;

/** Every model of a standard pass trains on a generated warehouse and its rows reach the current views. */
@DatabaseTest
class StandardJobsTest {

    @Test
    void aStandardPassWritesEveryModel() throws Exception {
        DatabaseTarget target = GeneratedWarehouse.withoutRuns();
        SidecarSettings settings = new SidecarSettings(List.of(ModelKind.values()), 3, Duration.ZERO, 1, Duration.ofMillis(10), Optional.empty());

        SidecarReport report = new Sidecar(target, settings, SidecarJobs.standard(42, Path.of("target", "djl-cache")), line -> { }).runOnce();

        assertTrue(report.allSucceeded(), report.toString());
        assertEquals(SidecarJobs.standard(42, Path.of("target", "djl-cache")).size(), report.models().size());
        long customers = number(target, "SELECT COUNT(*) FROM kpi.rfm");
        assertEquals(customers, number(target, "SELECT COUNT(*) FROM ml.current_customer_segment"));
        assertEquals(number(target, "SELECT SUM(customers) FROM ml.segment_summary"), customers);
        assertEquals(3, number(target, "SELECT COUNT(*) FROM ml.current_revenue_forecast"));
        assertEquals(3, number(target, "SELECT COUNT(forecast) FROM kpi.revenue_actual_vs_forecast"));
        assertTrue(report.headline().containsKey("segments"));
        assertTrue(report.headline().containsKey("forecast_mape"));
        assertEquals(customers, number(target, "SELECT COUNT(*) FROM ml.current_repurchase_score"));
        assertTrue(report.headline().containsKey("repurchase_test_auc"));
        assertEquals(3 * customers, number(target, "SELECT COUNT(*) FROM ml.current_repurchase_reason"));
        assertEquals(101, number(target, "SELECT COUNT(*) FROM ml.current_repurchase_profit_curve"));
        assertEquals(1, number(target, "SELECT COUNT(*) FROM ml.current_repurchase_profit_curve WHERE is_chosen"));
        // The database's campaign (scores against the stored threshold) is the model's.
        assertEquals(((Number) report.headline().get("campaign_customers")).longValue(),
                number(target, "SELECT COUNT(*) FROM ml.current_repurchase_score WHERE in_campaign"));
        storedRepurchaseModelScoresAsTheSidecarDid(target);
        assertEquals(customers * 10, number(target, "SELECT COUNT(*) FROM ml.current_product_recommendation"));
        assertEquals(0, number(target, "SELECT COUNT(*) FROM ml.current_product_recommendation AS r"
                + " WHERE EXISTS (SELECT 1 FROM sales.invoice_line AS l JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no"
                + " WHERE i.customer_id = r.customer_id AND l.stock_code = r.stock_code)"), "recommends only unbought products");
    }

    /** The artefact read back as a reader reads it gives every customer, from their own features, the written probability. */
    private static void storedRepurchaseModelScoresAsTheSidecarDid(DatabaseTarget target) {
        RepurchaseScorer scorer = target.jdbi().withHandle(handle -> handle.createQuery("SELECT artefact_bytes, artefact_sha256"
                        + " FROM ml.current_model_artefact WHERE model_kind = 'repurchase'")
                .map((r, ctx) -> ScorerArtefact.read(r.getBytes(1), r.getString(2))).one());
        TrainingInputs inputs = target.jdbi().withHandle(handle -> TrainingInputs.read(handle, Optional.empty()));
        Map<Integer, double[]> features = RepurchaseModeling.features(inputs.orders(), inputs.asOfDate(),
                RepurchaseConfig.defaults(42).horizonDays(), scorer.featureNames());
        Map<Integer, Double> written = target.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT customer_id, probability FROM ml.current_repurchase_score")
                .map((r, ctx) -> Map.entry(r.getInt(1), r.getDouble(2))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(written.keySet(), features.keySet());
        written.forEach((customer, probability) ->
                assertEquals(probability, scorer.probability(features.get(customer)), 0.0, "customer " + customer));
    }
}
