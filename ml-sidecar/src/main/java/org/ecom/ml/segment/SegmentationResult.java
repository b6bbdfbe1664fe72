package org.ecom.ml.segment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ecom.ml.ModelReport;

/**
 * Customer segments: each customer's segment, the segments' profiles (segment 1 has the highest
 * monetary centroid) and the silhouette curve the number of segments was chosen on.
 *
 * @param silhouetteByK     mean silhouette for each k tried
 * @param seedStability     for each of five seeds, the adjusted Rand index of the chosen k fitted with it
 *                          against these segments (1 = the same segments)
 * @param clampedCustomers  customers with a negative R, F or M value clamped to zero (see RfmFeatures)
 */
public record SegmentationResult(SegmentationConfig config, List<CustomerSegment> assignments,
                                 List<SegmentProfile> profiles, SortedMap<Integer, Double> silhouetteByK,
                                 SortedMap<Long, Double> seedStability, int clampedCustomers) implements ModelReport {

    public SegmentationResult {
        assignments = List.copyOf(assignments);
        profiles = List.copyOf(profiles);
        silhouetteByK = Collections.unmodifiableSortedMap(new TreeMap<>(silhouetteByK));
        seedStability = Collections.unmodifiableSortedMap(new TreeMap<>(seedStability));
    }

    public int segmentCount() {
        return profiles.size();
    }

    public double silhouette() {
        return silhouetteByK.get(segmentCount());
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("algorithm", "k-means (Tribuo), k-means++ initialisation, Euclidean distance");
        map.put("features", "log1p(recency_days), log1p(frequency), log1p(monetary), each standardised");
        map.put("seed", config.seed());
        map.put("k_range", List.of(config.minK(), config.maxK()));
        map.put("k_selection", "highest mean silhouette (exact over all pairs, or over a seeded sample of customers)");
        map.put("silhouette_sample", config.silhouetteSample());
        map.put("max_iterations", config.maxIterations());
        map.put("restarts", config.restarts());
        return map;
    }

    @Override
    public Map<String, Object> metrics() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("customers", assignments.size());
        map.put("k", segmentCount());
        map.put("silhouette", silhouette());
        List<Map<String, Object>> curve = new ArrayList<>();
        silhouetteByK.forEach((k, s) -> curve.add(Map.of("k", k, "silhouette", s)));
        map.put("silhouette_by_k", curve);
        map.put("seed_stability_mean_ari", seedStability.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
        map.put("seed_stability_min_ari", seedStability.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
        List<Map<String, Object>> stability = new ArrayList<>();
        seedStability.forEach((seed, ari) -> stability.add(Map.of("seed", seed, "adjusted_rand_index", ari)));
        map.put("seed_stability", stability);
        map.put("clamped_customers", clampedCustomers);
        map.put("segments", profiles.stream().map(SegmentProfile::asMap).toList());
        return map;
    }
}
