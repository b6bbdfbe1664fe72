package org.ecom.ml.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
            new FactorisationConfig(16, 15, 256, 0.02f, 1e-4f, 1_000_000), 7L, DJL_CACHE);

    private static List<ProductPurchase> purchases;
    private static RecommendationResult result;

    @BeforeAll
    static void run() {
        purchases = PlantedPurchases.generate(400, 11L);
        result = ProductRecommending.run(purchases, CONFIG, System.out::println);
    }

    @Test
    void learnedModelsBeatPopularityOnPlantedGroups() {
        double popularity = result.validation().get("popularity").hitRate();
        double cosine = result.validation().get("item_cosine").hitRate();
        double factorisation = result.validation().get("bpr_factorisation").hitRate();
        assertTrue(cosine >= 1.5 * popularity, "item cosine " + cosine + " vs popularity " + popularity);
        assertTrue(factorisation >= 1.5 * popularity, "BPR " + factorisation + " vs popularity " + popularity);
        assertTrue(cosine > 0.8, "held-out group products are predictable: " + cosine);
        assertEquals(400, result.validation().get("popularity").customers());
        assertTrue(result.hr10() >= cosine && result.hr10() >= factorisation);
        assertEquals(popularity, result.popularityHr10());
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
        assertEquals(List.of("popularity", "item_cosine", "bpr_factorisation"), List.copyOf(models.keySet()));
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
