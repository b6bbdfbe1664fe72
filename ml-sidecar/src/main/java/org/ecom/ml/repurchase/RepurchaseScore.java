package org.ecom.ml.repurchase;

/** The probability that a customer buys again within 90 days, and its decile (10 = most likely). */
public record RepurchaseScore(int customerId, double probability, int decile) {
}
