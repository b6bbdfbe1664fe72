package org.ecom.ml.repurchase;

/**
 * The probability that a customer buys again within 90 days, its decile (10 = most likely), and
 * whether the profit-maximising threshold puts the customer in the campaign.
 */
public record RepurchaseScore(int customerId, double probability, int decile, boolean inCampaign) {
}
