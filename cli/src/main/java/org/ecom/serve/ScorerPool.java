package org.ecom.serve;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.ecom.ml.repurchase.RepurchaseScorer;
import org.ecom.ml.repurchase.ScorerArtefact;

/**
 * Copies of the stored repurchase model, one per core, each read from the same bytes. XGBoost's
 * Booster.predict is synchronized, so a single copy scores one request at a time however many
 * arrive together; with a copy per core, concurrent what-ifs use every core.
 */
final class ScorerPool {

    private final BlockingQueue<RepurchaseScorer> idle;
    private final RepurchaseScorer any;

    ScorerPool(byte[] artefact, String sha256, int copies) {
        idle = new ArrayBlockingQueue<>(copies);
        for (int i = 0; i < copies; i++) {
            idle.add(ScorerArtefact.read(artefact, sha256));
        }
        any = idle.peek();
    }

    List<String> featureNames() {
        return any.featureNames();
    }

    double[] typicalValues() {
        return any.typicalValues();
    }

    double probability(double[] features) {
        RepurchaseScorer scorer;
        try {
            scorer = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free copy of the model", e);
        }
        try {
            return scorer.probability(features);
        } finally {
            idle.add(scorer);
        }
    }
}
