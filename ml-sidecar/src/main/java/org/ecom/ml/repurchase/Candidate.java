package org.ecom.ml.repurchase;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;

import java.util.Map;
import java.util.function.LongFunction;

/**
 * One model family with one setting of its hyperparameters.
 *
 * @param family          logistic_regression, gradient_boosting or random_forest
 * @param hyperparameters what distinguishes it from the other candidates of its family
 * @param trainer         a fresh trainer for a seed (fresh, so every fit is independent of the ones before)
 */
record Candidate(String family, Map<String, Object> hyperparameters, LongFunction<Trainer<Label>> trainer) {

    String name() {
        return family + hyperparameters;
    }
}
