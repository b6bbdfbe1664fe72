package org.ecom.ml.segment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a segment looks like. The centroid is the k-means centre taken back to original units; as
 * the centre of log1p values it is a geometric-type mean, close to the segment's typical customer
 * rather than pulled up by its largest spenders.
 *
 * @param revenueShare       the segment's share of all customers' spend, 0..1
 * @param revenuePerOrder    the segment's spend divided by its orders
 */
public record SegmentProfile(int segmentId, String name, int customers, double revenueShare, double revenuePerOrder,
                             double centroidRecencyDays, double centroidFrequency, double centroidMonetary) {

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("segment_id", segmentId);
        map.put("name", name);
        map.put("customers", customers);
        map.put("revenue_share", revenueShare);
        map.put("revenue_per_order", revenuePerOrder);
        map.put("centroid_recency_days", centroidRecencyDays);
        map.put("centroid_frequency", centroidFrequency);
        map.put("centroid_monetary", centroidMonetary);
        return map;
    }
}
