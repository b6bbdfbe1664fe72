/**
 * Product recommendations from implicit feedback (who bought what), entry point
 * {@link org.ecom.ml.recommend.ProductRecommending#run}. Three models are validated on the last
 * 30 days of purchases (HR@10, NDCG@10, catalogue coverage): popularity (the baseline),
 * item-to-item cosine neighbours and a BPR matrix factorisation trained with DJL on PyTorch (CPU,
 * offline, see {@link org.ecom.ml.recommend.DjlOffline}). The best by HR@10 is refitted on all
 * purchases and lists ten unbought products per customer.
 */
package org.ecom.ml.recommend;
