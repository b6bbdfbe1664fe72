package org.ecom.ml.repurchase;

import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.LinearScalingTransformation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The models compared by cross-validation: a small grid per family, kept small for the time budget. */
final class Candidates {

    static final String LOGISTIC_REGRESSION = "logistic_regression";
    static final String GRADIENT_BOOSTING = "gradient_boosting";
    static final String RANDOM_FOREST = "random_forest";

    /**
     * Tribuo's SGD trainers log two INFO lines per fit, a hundred per run: kept to warnings. A field,
     * because java.util.logging holds loggers weakly and would forget the level.
     */
    private static final Logger SGD_LOG = Logger.getLogger("org.tribuo.common.sgd");

    static {
        SGD_LOG.setLevel(Level.WARNING);
    }

    private Candidates() {
    }

    /** XGBoost fits single-threaded: parallelism comes from fitting folds side by side (see RepurchaseConfig). */
    static List<Candidate> all() {
        List<Candidate> candidates = new ArrayList<>();
        for (int epochs : new int[] {5, 15}) {
            candidates.add(logisticRegression(epochs));
        }
        for (int depth : new int[] {2, 4}) {
            candidates.add(gradientBoosting(depth));
        }
        candidates.add(randomForest());
        return candidates;
    }

    /**
     * Tribuo's LogisticRegressionTrainer (log loss, AdaGrad, minibatch 1) with an explicit seed and
     * epoch count, on features min-max scaled to [0, 1] with statistics of the training fold only.
     */
    private static Candidate logisticRegression(int epochs) {
        return new Candidate(LOGISTIC_REGRESSION, Map.of("epochs", epochs), seed -> new TransformTrainer<>(
                new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), epochs, -1, 1, seed),
                new TransformationMap(List.of(new LinearScalingTransformation(0, 1)))));
    }

    /** Boosted trees: many shallow trees with a small learning rate and row and column subsampling. */
    private static Candidate gradientBoosting(int maxDepth) {
        int rounds = 150;
        Map<String, Object> settings = xgboostSettings();
        settings.put("eta", 0.05);
        settings.put("max_depth", maxDepth);
        settings.put("min_child_weight", 5);
        settings.put("subsample", 0.8);
        settings.put("colsample_bytree", 0.8);
        return new Candidate(GRADIENT_BOOSTING, Map.of("max_depth", maxDepth, "rounds", rounds, "eta", 0.05),
                seed -> new XGBoostClassificationTrainer(rounds, withSeed(settings, seed)));
    }

    /**
     * A random forest from XGBoost's random-forest mode, because Tribuo's own (tribuo-classification-dtree)
     * is not in our Maven mirror: one boosting round of many parallel trees, each on a bootstrap-sized
     * row sample and a third of the features per split, with eta 1 so the round is not shrunk.
     */
    private static Candidate randomForest() {
        int trees = 100;
        Map<String, Object> settings = xgboostSettings();
        settings.put("eta", 1.0);
        settings.put("num_parallel_tree", trees);
        settings.put("max_depth", 6);
        settings.put("min_child_weight", 2);
        settings.put("subsample", 0.632);
        settings.put("colsample_bynode", 0.33);
        return new Candidate(RANDOM_FOREST, Map.of("trees", trees, "max_depth", 6),
                seed -> new XGBoostClassificationTrainer(1, withSeed(settings, seed)));
    }

    /**
     * Tribuo uses a parameter map as the whole XGBoost configuration, so it carries the objective too;
     * the histogram method is XGBoost's fastest on a CPU.
     */
    private static Map<String, Object> xgboostSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("objective", "multi:softprob");
        settings.put("booster", "gbtree");
        settings.put("tree_method", "hist");
        settings.put("nthread", 1);
        settings.put("verbosity", 0);
        return settings;
    }

    private static Map<String, Object> withSeed(Map<String, Object> settings, long seed) {
        Map<String, Object> seeded = new LinkedHashMap<>(settings);
        seeded.put("seed", seed);
        return seeded;
    }
}
