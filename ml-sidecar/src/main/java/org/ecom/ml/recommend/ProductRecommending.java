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
 * Product recommendations: validates a popularity baseline, item-to-item cosine neighbours and a
 * BPR matrix factorisation on the last {@code holdoutDays} of purchases, keeps the model with the
 * best hit rate, refits it on all purchases and lists unbought products for every customer.
 * Both learned models weigh a customer's purchases by their recency (see {@link RecencyWeight}).
 */
public final class ProductRecommending {

    static final String POPULARITY = "popularity";
    static final List<String> MODEL_NAMES = List.of(POPULARITY, "item_cosine", "bpr_factorisation");

    private ProductRecommending() {
    }

    public static RecommendationResult run(List<ProductPurchase> purchases, RecommendationConfig config) {
        return run(purchases, config, line -> { });
    }

    public static RecommendationResult run(List<ProductPurchase> purchases, RecommendationConfig config,
                                           Consumer<String> progress) {
        long start = System.nanoTime();
        RecencyWeight recency = new RecencyWeight(config.halfLifeDays());
        List<Recommender> models = List.of(
                new PopularityRecommender(),
                new ItemCosineRecommender(config.neighboursPerItem(), recency),
                new BprFactorisationRecommender(config.factorisation(), recency, config.seed(), config.djlCacheDir(),
                        progress));

        HoldoutSplit split = HoldoutSplit.of(purchases, config.holdoutDays());
        if (split.cases().isEmpty()) {
            throw new IllegalArgumentException("no customer bought new products in the last " + config.holdoutDays()
                    + " days after buying before them: nothing to validate on");
        }
        PurchaseMatrix training = split.training();
        int[] validationCustomers = split.cases().stream().mapToInt(ValidationCase::customer).toArray();
        progress.accept(String.format("recommend: %d customers x %d products before %s, %d validation customers",
                training.customers(), training.products(), split.cutoff(), validationCustomers.length));

        Map<String, RankingQuality> validation = new LinkedHashMap<>();
        Recommender chosen = models.get(0);
        for (Recommender model : models) {
            long modelStart = System.nanoTime();
            RankingQuality quality;
            try (Scorer scorer = model.fit(training)) {
                List<TopList> lists = TopLists.compute(scorer, training, validationCustomers, config.listSize());
                quality = RankingMetrics.evaluate(lists, split.cases(), training.products(), config.listSize());
            }
            validation.put(model.name(), quality);
            if (quality.hitRate() > validation.get(chosen.name()).hitRate()) {
                chosen = model;
            }
            progress.accept(String.format("recommend: %s HR@%d %.4f NDCG@%d %.4f coverage %.3f (%.1f s)",
                    model.name(), config.listSize(), quality.hitRate(), config.listSize(), quality.ndcg(),
                    quality.coverage(), seconds(modelStart)));
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
        return new RecommendationResult(recommendations, chosen.name(), validation, split.cutoff(), config,
                seconds(start));
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
