package org.ecom.ml.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ecom.ml.data.ProductPurchase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProductRecommendingTest {

    private static final Path DJL_CACHE = Path.of("target", "djl-cache");
    // No recency weighting: the planted group purchases are spread evenly over the year.
    private static final RecommendationConfig CONFIG = new RecommendationConfig(30, 10, 5, 0,
            new FactorisationConfig(16, 15, 256, 0.02f, 1e-4f, 1_000_000),
            List.of(new AlsConfig(4, 0.1, 10, 8, 0), new AlsConfig(16, 0.1, 10, 8, 0)), 7L, DJL_CACHE);

    private static List<ProductPurchase> purchases;
    private static RecommendationResult result;

    @BeforeAll
    static void run() {
        purchases = PlantedPurchases.generate(400, 11L);
        result = ProductRecommending.run(purchases, CONFIG, System.out::println);
    }

    @Test
    void learnedModelsBeatPopularityOnPlantedGroups() {
        for (Map<String, RankingQuality> window : List.of(result.validation(), result.test())) {
            double popularity = window.get("popularity").hitRate();
            for (String model : List.of("item_cosine", "bpr_factorisation", "implicit_als")) {
                double hitRate = window.get(model).hitRate();
                assertTrue(hitRate >= 1.5 * popularity, model + " " + hitRate + " vs popularity " + popularity);
            }
            assertTrue(window.get("item_cosine").hitRate() > 0.7, "held-out group products are predictable");
            assertEquals(400, window.get("popularity").customers());
        }
        assertEquals(result.validation().values().stream().mapToDouble(RankingQuality::hitRate).max().orElseThrow(),
                result.validation().get(result.chosenModel()).hitRate(), "validation picks the model");
        assertEquals(result.test().get(result.chosenModel()).hitRate(), result.hr10(), "the headline is the test figure");
        assertEquals(result.test().get("popularity").hitRate(), result.popularityHr10());
    }

    @Test
    void alsSettingsArePickedOnTheTuningWindow() {
        assertEquals(LocalDate.of(2011, 12, 2), result.testCutoff());
        assertEquals(LocalDate.of(2011, 11, 2), result.tuningCutoff());
        assertEquals(CONFIG.alsGrid().size(), result.alsGrid().size());
        double best = result.alsGrid().values().stream().mapToDouble(RankingQuality::hitRate).max().orElseThrow();
        assertEquals(best, result.alsGrid().get(result.alsChosen()).hitRate());
        assertEquals(result.alsGrid().get(result.alsChosen()), result.validation().get("implicit_als"));
    }

    @Test
    void tenUnboughtProductsPerCustomerRankedOneToTen() {
        Set<String> bought = purchases.stream().map(p -> p.customerId() + "/" + p.stockCode()).collect(Collectors.toSet());
        Map<Integer, List<Recommendation>> byCustomer = result.recommendations().stream()
                .collect(Collectors.groupingBy(Recommendation::customerId));
        assertEquals(400, byCustomer.size());
        for (List<Recommendation> list : byCustomer.values()) {
            assertEquals(10, list.size());
            Set<String> distinct = new HashSet<>();
            for (int r = 0; r < list.size(); r++) {
                Recommendation recommendation = list.get(r);
                assertEquals(r + 1, recommendation.rank());
                assertFalse(bought.contains(recommendation.customerId() + "/" + recommendation.stockCode()),
                        "recommended a bought product: " + recommendation);
                assertTrue(distinct.add(recommendation.stockCode()));
                if (r > 0) {
                    assertTrue(recommendation.score() <= list.get(r - 1).score());
                }
            }
        }
    }

    @Test
    void reportCarriesEveryModelAndTheBaseline() {
        Map<String, Object> metrics = result.metrics();
        assertEquals(result.chosenModel(), metrics.get("chosen_model"));
        assertEquals(result.popularityHr10(), metrics.get("popularity_hr10"));
        @SuppressWarnings("unchecked")
        Map<String, Object> models = (Map<String, Object>) metrics.get("models");
        assertEquals(List.of("popularity", "item_cosine", "bpr_factorisation", "implicit_als"),
                List.copyOf(models.keySet()));
        assertEquals(2, ((List<?>) metrics.get("als_grid")).size());
        assertEquals(16, result.parameters().get("factors"));
    }

    @Test
    void factorisationIsDeterministicForASeed() {
        PurchaseMatrix matrix = PurchaseMatrix.of(purchases, p -> true);
        BprFactorisationRecommender model = new BprFactorisationRecommender(
                new FactorisationConfig(8, 3, 256, 0.05f, 1e-4f, 1_000_000), new RecencyWeight(30), 3L, DJL_CACHE, line -> { });
        int[] customers = {0, 1, 399};
        float[][] first;
        float[][] second;
        try (Scorer scorer = model.fit(matrix)) {
            first = scorer.score(customers);
        }
        try (Scorer scorer = model.fit(matrix)) {
            second = scorer.score(customers);
        }
        for (int c = 0; c < customers.length; c++) {
            assertArrayEquals(first[c], second[c]);
        }
    }

    @Test
    void aCatalogueSmallerThanTheListGivesWhatIsLeft() {
        List<ProductPurchase> tiny = List.of(
                new ProductPurchase(1, "A", PlantedPurchases.FIRST_DAY, 1),
                new ProductPurchase(1, "B", PlantedPurchases.FIRST_DAY, 1),
                new ProductPurchase(2, "C", PlantedPurchases.FIRST_DAY, 1));
        PurchaseMatrix matrix = PurchaseMatrix.of(tiny, p -> true);
        try (Scorer scorer = new ItemCosineRecommender(5, new RecencyWeight(0)).fit(matrix)) {
            List<TopLists.TopList> lists = TopLists.compute(scorer, matrix, new int[] {0, 1}, 10);
            assertArrayEquals(new int[] {matrix.productIndex("C")}, lists.get(0).products());
            assertEquals(2, lists.get(1).products().length);
        }
    }
}
