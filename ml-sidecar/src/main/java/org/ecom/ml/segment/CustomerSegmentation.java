package org.ecom.ml.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.ecom.ml.data.CustomerRfm;

/**
 * Segments customers on recency, frequency and monetary value: k-means for each k in the configured
 * range, the k with the highest mean silhouette kept, its clusters numbered by monetary centroid
 * (1 = highest) and named as personas.
 */
public final class CustomerSegmentation {

    static final int STABILITY_SEEDS = 5;

    private CustomerSegmentation() {
    }

    public static SegmentationResult fit(List<CustomerRfm> rfm, SegmentationConfig config) {
        return fit(rfm, config, line -> { });
    }

    public static SegmentationResult fit(List<CustomerRfm> rfm, SegmentationConfig config, Consumer<String> progress) {
        if (rfm.size() <= config.maxK()) {
            throw new IllegalArgumentException("need more customers than the largest k, got " + rfm.size());
        }
        RfmFeatures features = new RfmFeatures(rfm);
        double[][] points = features.standardised();
        KMeansClustering kMeans = new KMeansClustering(points);

        SortedMap<Integer, Double> silhouetteByK = new TreeMap<>();
        KMeansClustering.Clustering best = null;
        for (int k = config.minK(); k <= config.maxK(); k++) {
            KMeansClustering.Clustering clustering = kMeans.fit(k, config.maxIterations(), config.restarts(), config.seed());
            double silhouette = Silhouette.mean(points, clustering.labels(), k, config.silhouetteSample(), config.seed());
            silhouetteByK.put(k, silhouette);
            progress.accept(String.format("segments: k=%d silhouette %.4f", k, silhouette));
            // Strictly greater: on a tie the smaller k, the simpler segmentation, stays.
            if (best == null || silhouette > silhouetteByK.get(best.k())) {
                best = clustering;
            }
        }
        return describe(rfm, features, best, silhouetteByK, seedStability(kMeans, best, config), config);
    }

    /**
     * How much the segments depend on the seed: the chosen k fitted again with each of the five seeds
     * seed, seed + 1, ... seed + 4, and the adjusted Rand index of each against the run's segments.
     */
    private static SortedMap<Long, Double> seedStability(KMeansClustering kMeans, KMeansClustering.Clustering chosen,
                                                         SegmentationConfig config) {
        SortedMap<Long, Double> ariBySeed = new TreeMap<>();
        for (long seed = config.seed(); seed < config.seed() + STABILITY_SEEDS; seed++) {
            KMeansClustering.Clustering again = seed == config.seed() ? chosen
                    : kMeans.fit(chosen.k(), config.maxIterations(), config.restarts(), seed);
            ariBySeed.put(seed, AdjustedRand.index(chosen.labels(), again.labels()));
        }
        return ariBySeed;
    }

    private static SegmentationResult describe(List<CustomerRfm> rfm, RfmFeatures features,
                                               KMeansClustering.Clustering clustering,
                                               SortedMap<Integer, Double> silhouetteByK, SortedMap<Long, Double> seedStability,
                                               SegmentationConfig config) {
        double[][] centroids = clustering.centroids();
        // Segment ids by monetary centroid, highest first; then frequency, then recency break exact ties.
        Integer[] bySpend = IntStream.range(0, clustering.k()).boxed().sorted(
                Comparator.comparingDouble((Integer c) -> -centroids[c][RfmFeatures.MONETARY])
                        .thenComparingDouble(c -> -centroids[c][RfmFeatures.FREQUENCY])
                        .thenComparingDouble(c -> centroids[c][RfmFeatures.RECENCY])).toArray(Integer[]::new);
        int[] segmentOfCluster = new int[clustering.k()];
        double[][] orderedCentroids = new double[clustering.k()][];
        for (int s = 0; s < bySpend.length; s++) {
            segmentOfCluster[bySpend[s]] = s;
            orderedCentroids[s] = centroids[bySpend[s]];
        }
        String[] names = PersonaNaming.names(orderedCentroids);

        int[] customers = new int[clustering.k()];
        double[] spend = new double[clustering.k()];
        long[] orders = new long[clustering.k()];
        double totalSpend = 0;
        List<CustomerSegment> assignments = new ArrayList<>(rfm.size());
        for (int i = 0; i < rfm.size(); i++) {
            CustomerRfm customer = rfm.get(i);
            int s = segmentOfCluster[clustering.labels()[i]];
            customers[s]++;
            spend[s] += customer.monetary();
            orders[s] += customer.frequency();
            totalSpend += customer.monetary();
            assignments.add(new CustomerSegment(customer.customerId(), s + 1, names[s]));
        }
        List<SegmentProfile> profiles = new ArrayList<>();
        for (int s = 0; s < clustering.k(); s++) {
            double[] centroid = features.toOriginalUnits(orderedCentroids[s]);
            profiles.add(new SegmentProfile(s + 1, names[s], customers[s],
                    totalSpend != 0 ? spend[s] / totalSpend : 0, orders[s] > 0 ? spend[s] / orders[s] : 0,
                    centroid[RfmFeatures.RECENCY], centroid[RfmFeatures.FREQUENCY], centroid[RfmFeatures.MONETARY]));
        }
        return new SegmentationResult(config, assignments, profiles, silhouetteByK, seedStability, features.clampedCustomers());
    }
}
