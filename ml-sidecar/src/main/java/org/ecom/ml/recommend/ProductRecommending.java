package org.ecom.ml.recommend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.ecom.ml.data.ProductPurchase;
import org.ecom.ml.recommend.HoldoutSplit.ValidationCase;
import org.ecom.ml.recommend.TopLists.TopList;

/**
 * Product recommendations, judged on two consecutive windows of {@code holdoutDays}: the tuning
 * window (the days before the last ones) and the test window (the last days). Implicit ALS picks
 * its settings from a small grid on the tuning window (trained on the purchases before it); then
 * popularity, item-to-item cosine, BPR and the tuned ALS are each fitted before the tuning window
 * (validation figures) and before the test window (test figures). Validation alone picks the model
 * written: it is refitted on all purchases and lists unbought products for every customer. The
 * test window never chooses anything, so its figures are an honest estimate.
 */
public final class ProductRecommending {

    static final String POPULARITY = "popularity";
    static final List<String> MODEL_NAMES = List.of(POPULARITY, "item_cosine", "bpr_factorisation", "implicit_als");

    private ProductRecommending() {
    }

    public static RecommendationResult run(List<ProductPurchase> purchases, RecommendationConfig config) {
        return run(purchases, config, line -> { });
    }

    public static RecommendationResult run(List<ProductPurchase> purchases, RecommendationConfig config,
                                           Consumer<String> progress) {
        long start = System.nanoTime();
        HoldoutSplit test = HoldoutSplit.last(purchases, config.holdoutDays());
        HoldoutSplit tuning = HoldoutSplit.of(purchases, test.cutoff().minusDays(config.holdoutDays()),
                config.holdoutDays());
        for (HoldoutSplit split : List.of(tuning, test)) {
            if (split.cases().isEmpty()) {
                throw new IllegalArgumentException("no customer bought new products in the " + config.holdoutDays()
                        + " days from " + split.cutoff() + " after buying before them: nothing to evaluate on");
            }
            progress.accept(String.format("recommend: %d customers x %d products before %s, %d customers to evaluate",
                    split.training().customers(), split.training().products(), split.cutoff(), split.cases().size()));
        }

        Map<AlsConfig, RankingQuality> grid = new LinkedHashMap<>();
        AlsConfig tuned = config.alsGrid().get(0);
        for (AlsConfig candidate : config.alsGrid()) {
            progress.accept("recommend: implicit_als candidate " + candidate);
            RankingQuality quality = evaluate(new ImplicitAlsRecommender(candidate, config.seed()), tuning, config,
                    progress);
            grid.put(candidate, quality);
            if (quality.hitRate() > grid.get(tuned).hitRate()) {
                tuned = candidate;
            }
        }

        RecencyWeight recency = new RecencyWeight(config.halfLifeDays());
        List<Recommender> models = List.of(
                new PopularityRecommender(),
                new ItemCosineRecommender(config.neighboursPerItem(), recency),
                new BprFactorisationRecommender(config.factorisation(), recency, config.seed(), config.djlCacheDir(),
                        progress),
                new ImplicitAlsRecommender(tuned, config.seed()));
        Map<String, RankingQuality> validation = new LinkedHashMap<>();
        Map<String, RankingQuality> testing = new LinkedHashMap<>();
        Recommender chosen = models.get(0);
        for (Recommender model : models) {
            validation.put(model.name(), model instanceof ImplicitAlsRecommender ? grid.get(tuned)
                    : evaluate(model, tuning, config, progress));
            testing.put(model.name(), evaluate(model, test, config, progress));
            if (validation.get(model.name()).hitRate() > validation.get(chosen.name()).hitRate()) {
                chosen = model;
            }
        }

        long refitStart = System.nanoTime();
        PurchaseMatrix all = PurchaseMatrix.of(purchases, p -> true);
        List<Recommendation> recommendations;
        try (Scorer scorer = chosen.fit(all)) {
            int[] everyone = IntStream.range(0, all.customers()).toArray();
            recommendations = toRecommendations(TopLists.compute(scorer, all, everyone, config.listSize()), all);
        }
        progress.accept(String.format("recommend: %s refitted on all purchases, %d recommendations (%.1f s)",
                chosen.name(), recommendations.size(), seconds(refitStart)));
        return new RecommendationResult(recommendations, chosen.name(), validation, testing, grid, tuned,
                tuning.cutoff(), test.cutoff(), config, seconds(start));
    }

    /** Fits the model on the split's training purchases and scores its lists against the held-out ones. */
    private static RankingQuality evaluate(Recommender model, HoldoutSplit split, RecommendationConfig config,
                                           Consumer<String> progress) {
        long modelStart = System.nanoTime();
        int[] customers = split.cases().stream().mapToInt(ValidationCase::customer).toArray();
        RankingQuality quality;
        try (Scorer scorer = model.fit(split.training())) {
            List<TopList> lists = TopLists.compute(scorer, split.training(), customers, config.listSize());
            quality = RankingMetrics.evaluate(lists, split.cases(), split.training().products(), config.listSize());
        }
        progress.accept(String.format("recommend: %s from %s: HR@%d %.4f NDCG@%d %.4f coverage %.3f (%.1f s)",
                model.name(), split.cutoff(), config.listSize(), quality.hitRate(), config.listSize(), quality.ndcg(),
                quality.coverage(), seconds(modelStart)));
        return quality;
    }

    private static List<Recommendation> toRecommendations(List<TopList> lists, PurchaseMatrix matrix) {
        return lists.stream().flatMap(list -> IntStream.range(0, list.products().length).mapToObj(r ->
                new Recommendation(matrix.customerId(list.customer()), r + 1,
                        matrix.stockCode(list.products()[r]), list.scores()[r]))).toList();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
