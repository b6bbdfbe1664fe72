package org.ecom.ml.repurchase;

import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreeContributionsTest {

    private static final List<String> NAMES = List.of("noise_a", "planted_driver", "noise_b", "weak_driver");

    @Test
    void thePlantedDriverIsTheFirstReasonAndContributionsAddUpToTheTreesLogOdds() {
        // Buying depends strongly on planted_driver and a little on weak_driver; the noise columns say nothing.
        Random random = new Random(5);
        int n = 2000;
        int[] ids = new int[n];
        double[][] rows = new double[n][];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
            rows[i] = new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble()};
            double logOdds = 8 * (rows[i][1] - 0.5) + 1.0 * (rows[i][3] - 0.5);
            labels[i] = random.nextDouble() < 1 / (1 + Math.exp(-logOdds));
        }
        FeatureTable table = new FeatureTable(ids, NAMES, rows);
        XGBoostModel<Label> model = (XGBoostModel<Label>) Learners.boostedTrees(1)
                .train(TribuoExamples.dataset(TribuoExamples.examples(table, labels)));

        TreeContributions contributions = TreeContributions.of(model, table);
        List<RepurchaseReason> reasons = Reasons.top(ids, contributions);

        assertEquals(3 * n, reasons.size());
        long plantedFirst = reasons.stream().filter(r -> r.rank() == 1 && r.feature().equals("planted_driver")).count();
        assertTrue(plantedFirst > 0.9 * n, "planted driver first for " + plantedFirst + " of " + n);
        // Its sign follows its value: a high planted_driver raises the chance, a low one lowers it.
        for (RepurchaseReason reason : reasons) {
            if (reason.feature().equals("planted_driver") && Math.abs(rows[reason.customerId() - 1][1] - 0.5) > 0.2) {
                assertEquals(rows[reason.customerId() - 1][1] > 0.5, reason.contribution() > 0, reason.toString());
            }
        }
        // Exact SHAP: bias plus contributions is the log-odds of the probability Tribuo predicts.
        double[] probabilities = TribuoExamples.buyProbabilities(model, TribuoExamples.examples(table, null));
        for (int i = 0; i < n; i += 97) {
            double sum = contributions.bias()[i];
            for (double c : contributions.contributions()[i]) {
                sum += c;
            }
            assertEquals(Math.log(probabilities[i] / (1 - probabilities[i])), sum, 1e-3, "row " + i);
        }
    }
}
