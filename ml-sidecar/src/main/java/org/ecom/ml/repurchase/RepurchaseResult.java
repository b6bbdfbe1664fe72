package org.ecom.ml.repurchase;

import org.ecom.ml.ModelReport;

import java.util.List;
import java.util.Map;

/**
 * The scores as of the end of the data and how the chosen model did on the held-out test window.
 *
 * @param scores     every customer with a sale before the as-of date, in customer-id order
 * @param scorer     the chosen model that wrote the scores, stored with the run (ml.model_artefact)
 * @param testAuc    the chosen model's ROC-AUC on the test window
 * @param parameters dates, windows and the chosen model's settings
 * @param metrics    every model's and baseline's figures, cross-validation and feature importance
 */
public record RepurchaseResult(List<RepurchaseScore> scores, RepurchaseScorer scorer, double testAuc, Map<String, Object> parameters,
                               Map<String, Object> metrics) implements ModelReport {
}
