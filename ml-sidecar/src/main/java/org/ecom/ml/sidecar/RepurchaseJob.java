package org.ecom.ml.sidecar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ecom.ml.ModelKind;
import org.ecom.ml.repurchase.ProfitCurve;
import org.ecom.ml.repurchase.RepurchaseConfig;
import org.ecom.ml.repurchase.RepurchaseModeling;
import org.ecom.ml.repurchase.RepurchaseResult;
import org.ecom.ml.repurchase.ScorerArtefact;
import org.jdbi.v3.core.Handle;

/**
 * Repurchase probabilities in the sidecar: the calibrated blend scores every customer as of the
 * pass's as-of date into ml.repurchase_score, and is stored with the run in ml.model_artefact for
 * readers that score on their own (./ecom serve); the profit curve goes to ml.repurchase_profit_curve,
 * whose chosen threshold puts customers in the campaign (in_campaign of ml.current_repurchase_score),
 * and each customer's three strongest reasons to ml.repurchase_reason.
 */
public record RepurchaseJob(RepurchaseConfig config) implements ModelJob<RepurchaseResult> {

    public ModelKind kind() {
        return ModelKind.REPURCHASE;
    }

    public String fingerprint(TrainingInputs inputs) {
        return Fingerprint.of(inputs.orders());
    }

    public RepurchaseResult train(TrainingInputs inputs, Consumer<String> progress) {
        return RepurchaseModeling.run(inputs.orders(), inputs.asOfDate(), config, inputs.campaign(), progress);
    }

    public void write(RepurchaseResult result, long runId, Handle handle) throws SQLException {
        RowInserter.insert(handle.getConnection(), "ml.repurchase_score",
                List.of("run_id", "customer_id", "probability", "decile"),
                result.scores().stream()
                        .map(s -> new Object[] {runId, s.customerId(), s.probability(), s.decile()})
                        .toList());
        RowInserter.insert(handle.getConnection(), "ml.repurchase_reason",
                List.of("run_id", "customer_id", "reason_rank", "feature", "contribution"),
                result.reasons().stream()
                        .map(r -> new Object[] {runId, r.customerId(), r.rank(), r.feature(), r.contribution()})
                        .toList());
        ProfitCurve.Point chosen = result.campaign().chosen();
        RowInserter.insert(handle.getConnection(), "ml.repurchase_profit_curve",
                List.of("run_id", "threshold", "precision_rate", "recall_rate", "contacted_customers", "expected_profit", "is_chosen"),
                result.campaign().points().stream()
                        .map(p -> new Object[] {runId, BigDecimal.valueOf(p.threshold()).setScale(2, RoundingMode.HALF_UP),
                                p.precision(), p.recall(), p.contactedCustomers(),
                                BigDecimal.valueOf(p.expectedProfit()).setScale(2, RoundingMode.HALF_UP), p == chosen})
                        .toList());
        byte[] artefact = ScorerArtefact.write(result.scorer());
        try (PreparedStatement insert = handle.getConnection().prepareStatement("INSERT INTO ml.model_artefact"
                + " (run_id, model_kind, artefact_format, artefact_bytes, artefact_sha256) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, runId);
            insert.setString(2, kind().storedName());
            insert.setString(3, ScorerArtefact.FORMAT);
            insert.setBytes(4, artefact);
            insert.setString(5, ScorerArtefact.sha256(artefact));
            insert.executeUpdate();
        }
    }

    public Map<String, Object> headline(RepurchaseResult result) {
        return Map.of("repurchase_test_auc", result.testAuc(), "repurchase_mean_auc", result.metrics().get("mean_roc_auc"),
                "campaign_customers", result.metrics().get("campaign_customers"));
    }
}
