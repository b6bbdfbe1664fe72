package org.ecom.ml.repurchase;

/**
 * What a retention campaign costs and earns, from ml.campaign_assumptions.
 *
 * @param contactCost      the cost of contacting one customer (money)
 * @param repurchaseMargin the margin a repurchase brings (money)
 */
public record CampaignEconomics(double contactCost, double repurchaseMargin) {

    public CampaignEconomics {
        if (!(contactCost >= 0) || !(repurchaseMargin > 0)) {
            throw new IllegalArgumentException("the contact cost must be 0 or more and the repurchase margin positive, not "
                    + contactCost + " and " + repurchaseMargin);
        }
    }
}
