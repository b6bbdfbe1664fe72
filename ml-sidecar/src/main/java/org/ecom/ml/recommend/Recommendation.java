package org.ecom.ml.recommend;

/** A product the customer has not bought, ranked 1 (best) to 10 for them. */
public record Recommendation(int customerId, int rank, String stockCode, double score) {
}
