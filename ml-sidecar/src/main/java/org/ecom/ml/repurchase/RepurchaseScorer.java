package org.ecom.ml.repurchase;

import java.io.Serializable;
import java.util.List;

/**
 * A trained repurchase model as a unit that can be stored and used elsewhere: the sidecar scores
 * every customer with it and stores it with its run (ml.model_artefact), and {@code ./ecom serve}
 * loads it back to answer what-if questions with exactly the model that wrote the scores.
 */
public interface RepurchaseScorer extends Serializable {

    /** The model's inputs, in the order {@link #probability} takes them. */
    List<String> featureNames();

    /**
     * The median of each input in the window the model learned from, in the same order: a typical
     * customer, where a what-if starts.
     */
    double[] typicalValues();

    /** The probability of buying again within the horizon for one customer's features, in featureNames order. */
    double probability(double[] features);
}
