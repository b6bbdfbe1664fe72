package org.ecom.ml.segment;

/**
 * How customers are segmented.
 *
 * @param seed          seeds k-means++ (restart r uses seed + r), so a seed gives the same segments
 * @param minK          smallest number of segments tried
 * @param maxK          largest number of segments tried; the k with the best mean silhouette wins
 * @param maxIterations Lloyd iterations per k-means run
 * @param restarts      k-means runs per k; the one with the smallest within-cluster sum of squares is kept
 * @param silhouetteSample the silhouette is computed on all customers up to this many, else on a
 *                      seeded sample of this size: it costs n^2 distances (10,000 covers the real
 *                      data whole; 55,000 customers at 10x would take 30 s per k)
 */
public record SegmentationConfig(long seed, int minK, int maxK, int maxIterations, int restarts, int silhouetteSample) {

    public SegmentationConfig {
        if (minK < 2 || maxK < minK) {
            throw new IllegalArgumentException("need 2 <= minK <= maxK, got " + minK + ".." + maxK);
        }
        if (maxIterations < 1 || restarts < 1 || silhouetteSample < 2) {
            throw new IllegalArgumentException("maxIterations, restarts and silhouetteSample (at least 2) must be positive");
        }
    }

    public static SegmentationConfig defaults(long seed) {
        return new SegmentationConfig(seed, 3, 8, 300, 4, 10_000);
    }
}
