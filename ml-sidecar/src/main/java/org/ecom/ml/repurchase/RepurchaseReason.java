package org.ecom.ml.repurchase;

/**
 * One of the three features that push a customer's score most (by the size of the push).
 *
 * @param customerId   the customer
 * @param rank         1 = the strongest push
 * @param feature      the feature's name (see CustomerFeatures)
 * @param contribution its tree SHAP value in log-odds of buying: positive raises the chance, negative lowers it
 */
public record RepurchaseReason(int customerId, int rank, String feature, double contribution) {
}
