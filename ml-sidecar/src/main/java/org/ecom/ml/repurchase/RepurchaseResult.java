package org.ecom.ml.repurchase;

import org.ecom.ml.ModelReport;

import java.util.List;
import java.util.Map;

/**
 * The scores as of the end of the data and how the model did on the rolling origins before it.
 *
 * @param scores     every customer with a sale before the as-of date, in customer-id order
 * @param scorer     the chosen model that wrote the scores, stored with the run (ml.model_artefact)
 * @param testAuc    the chosen model's ROC-AUC on the test window
 * @param parameters dates, windows and the chosen model's settings
 * @param metrics    every origin's figures for each model and baseline, calibration and feature importance
 * @param campaign   the profit at each threshold on the validation window, and the chosen threshold
 * @param reasons    the three features that push each scored customer's score most
 */
public record RepurchaseResult(List<RepurchaseScore> scores, RepurchaseScorer scorer, double testAuc,
                               Map<String, Object> parameters, Map<String, Object> metrics, ProfitCurve campaign,
                               List<RepurchaseReason> reasons) implements ModelReport {
}
