package org.ecom.ml.recommend;

/** A way to recommend products: fitted on a purchase matrix, it scores that matrix's products. */
interface Recommender {

    /** Short snake_case name used in the metrics, e.g. {@code item_cosine}. */
    String name();

    Scorer fit(PurchaseMatrix purchases);
}
