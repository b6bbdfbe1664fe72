/**
 * Repurchase probability: will a customer buy again within 90 days?
 * <p>
 * {@link org.ecom.ml.repurchase.RepurchaseModeling#run} is the entry point. Features come from the
 * invoices before a cutoff ({@code CustomerFeatures}), labels from the horizon after it
 * ({@code RepurchaseLabels}). Logistic regression, boosted trees and a random forest are compared by
 * stratified cross-validation on the older window and tested on the newer one; the winner scores
 * every customer as of the end of the data.
 */
package org.ecom.ml.repurchase;
