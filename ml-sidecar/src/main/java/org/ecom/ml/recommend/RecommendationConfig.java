package org.ecom.ml.recommend;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the recommendation step.
 *
 * @param holdoutDays       the last days of purchases held out for validation (30)
 * @param listSize          products recommended per customer and the cut-off of the metrics (10)
 * @param neighboursPerItem most similar products kept per product by the item-cosine model
 * @param halfLifeDays      both learned models count a customer's purchase this many days old
 *                          half as much as one on the last day; 0 counts all purchases alike
 * @param factorisation     the BPR matrix factorisation's training settings
 * @param alsGrid           the implicit ALS settings tried on the tuning window (the first wins ties)
 * @param seed              seeds the engine, the initial factors, the shuffling and the negative samples
 * @param djlCacheDir       where DJL extracts the PyTorch native library (it never downloads)
 */
public record RecommendationConfig(int holdoutDays, int listSize, int neighboursPerItem, double halfLifeDays,
                                   FactorisationConfig factorisation, List<AlsConfig> alsGrid, long seed,
                                   Path djlCacheDir) {

    public RecommendationConfig {
        if (holdoutDays < 1 || listSize < 1 || neighboursPerItem < 1) {
            throw new IllegalArgumentException("holdoutDays, listSize and neighboursPerItem must be positive");
        }
        if (!(halfLifeDays >= 0)) {
            throw new IllegalArgumentException("halfLifeDays must be 0 or positive");
        }
        Objects.requireNonNull(factorisation, "factorisation");
        if (alsGrid.isEmpty()) {
            throw new IllegalArgumentException("alsGrid needs at least one setting");
        }
        alsGrid = List.copyOf(alsGrid);
        Objects.requireNonNull(djlCacheDir, "djlCacheDir");
    }

    /**
     * Two candidates, each a full fit: the best two of an exploration on the tuning window of the
     * real data (docs/ml.md); they differ in regularisation and in how fast a purchase's confidence fades.
     */
    static final List<AlsConfig> ALS_GRID = List.of(
            new AlsConfig(64, 3, 20, 10, 15),
            new AlsConfig(64, 1, 10, 10, 30));

    /** The settings that validated best on the real data (Online Retail II, holdout from 10 Nov 2011). */
    public static RecommendationConfig defaults(long seed, Path djlCacheDir) {
        return new RecommendationConfig(30, 10, 5, 30, FactorisationConfig.defaults(), ALS_GRID, seed, djlCacheDir);
    }
}
