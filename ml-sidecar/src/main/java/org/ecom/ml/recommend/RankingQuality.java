package org.ecom.ml.recommend;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How well a model's top-k lists predicted the held-out purchases.
 *
 * @param hitRate   share of validation customers with at least one held-out product in their list
 * @param ndcg      mean normalised discounted cumulative gain of the lists
 * @param coverage  share of the training catalogue that appears in at least one list
 * @param customers validation customers the figures are averaged over
 */
public record RankingQuality(double hitRate, double ndcg, double coverage, int customers) {

    Map<String, Object> toMap(int k) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("hr" + k, hitRate);
        map.put("ndcg" + k, ndcg);
        map.put("coverage", coverage);
        return map;
    }
}
