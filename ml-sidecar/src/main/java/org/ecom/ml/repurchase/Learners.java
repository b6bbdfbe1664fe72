package org.ecom.ml.repurchase;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.LinearScalingTransformation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The two learners of the blend, with fixed settings: they were chosen once on the rolling origins
 * of the real data (docs/ml.md) rather than by a grid search per run, which the time budget of a
 * pass (eight blends) does not allow.
 */
final class Learners {

    static final int BOOSTING_ROUNDS = 200;
    static final Map<String, Object> BOOSTING_SETTINGS = Map.of("max_depth", 3, "eta", 0.05, "rounds", BOOSTING_ROUNDS,
            "min_child_weight", 5, "subsample", 0.8, "colsample_bytree", 0.8);
    static final int LOGISTIC_EPOCHS = 5;

    /**
     * Tribuo's SGD trainers log two INFO lines per fit: kept to warnings. A field, because
     * java.util.logging holds loggers weakly and would forget the level.
     */
    private static final Logger SGD_LOG = Logger.getLogger("org.tribuo.common.sgd");

    static {
        SGD_LOG.setLevel(Level.WARNING);
    }

    private Learners() {
    }

    /**
     * Tribuo's LogisticRegressionTrainer (log loss, AdaGrad, minibatch 1) with an explicit seed and
     * epoch count, on features min-max scaled to [0, 1] with statistics of the training rows only.
     */
    static Trainer<Label> logisticRegression(long seed) {
        return new TransformTrainer<>(
                new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), LOGISTIC_EPOCHS, -1, 1, seed),
                new TransformationMap(List.of(new LinearScalingTransformation(0, 1))));
    }

    /**
     * Boosted trees: many shallow trees with a small learning rate and row and column subsampling.
     * Tribuo uses the map as XGBoost's whole configuration, so it carries the objective too; one
     * thread, because parallelism comes from fitting blends side by side (see RepurchaseConfig).
     */
    static XGBoostClassificationTrainer boostedTrees(long seed) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("objective", "multi:softprob");
        settings.put("booster", "gbtree");
        settings.put("tree_method", "hist");
        settings.put("nthread", 1);
        settings.put("verbosity", 0);
        BOOSTING_SETTINGS.forEach((key, value) -> {
            if (!key.equals("rounds")) {
                settings.put(key, value);
            }
        });
        settings.put("seed", seed);
        return new XGBoostClassificationTrainer(BOOSTING_ROUNDS, settings);
    }
}
