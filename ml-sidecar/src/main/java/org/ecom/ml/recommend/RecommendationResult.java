package org.ecom.ml.recommend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecom.ml.ModelReport;

/**
 * The recommendations of the model that validated best, with every model's figures on the tuning
 * (validation) window and on the test window.
 *
 * @param recommendations up to {@code listSize} unbought products per customer, from the chosen
 *                        model refitted on all purchases
 * @param chosenModel     name of the model with the highest validation hit rate
 * @param validation      each model's figures on the tuning window, by name, in the order they were run
 * @param test            each model's figures on the test window (the last days), same order
 * @param alsGrid         each implicit ALS candidate's figures on the tuning window
 * @param alsChosen       the candidate with the best tuning hit rate, used on the test window
 * @param tuningCutoff    first day of the tuning window
 * @param testCutoff      first day of the test window
 * @param config          the settings of the run
 * @param seconds         wall time of the whole step
 */
public record RecommendationResult(List<Recommendation> recommendations, String chosenModel,
                                   Map<String, RankingQuality> validation, Map<String, RankingQuality> test,
                                   Map<AlsConfig, RankingQuality> alsGrid, AlsConfig alsChosen,
                                   LocalDate tuningCutoff, LocalDate testCutoff,
                                   RecommendationConfig config, double seconds) implements ModelReport {

    public RecommendationResult {
        recommendations = List.copyOf(recommendations);
        validation = Map.copyOf(validation);
        test = Map.copyOf(test);
        alsGrid = Map.copyOf(alsGrid);
    }

    /** The chosen model's hit rate at the list size (HR@10 by default) on the test window. */
    public double hr10() {
        return test.get(chosenModel).hitRate();
    }

    /** The popularity baseline's hit rate on the test window. */
    public double popularityHr10() {
        return test.get(ProductRecommending.POPULARITY).hitRate();
    }

    @Override
    public Map<String, Object> parameters() {
        FactorisationConfig f = config.factorisation();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("holdout_days", config.holdoutDays());
        map.put("list_size", config.listSize());
        map.put("neighbours_per_item", config.neighboursPerItem());
        map.put("half_life_days", config.halfLifeDays());
        map.put("factors", f.factors());
        map.put("epochs", f.epochs());
        map.put("batch_size", f.batchSize());
        map.put("learning_rate", f.learningRate());
        map.put("l2", f.l2());
        map.put("max_pairs_per_epoch", f.maxPairsPerEpoch());
        map.put("als_chosen", alsMap(alsChosen));
        map.put("seed", config.seed());
        map.put("feedback", "binary: bought at least once; products only (sales.product_class)");
        return map;
    }

    @Override
    public Map<String, Object> metrics() {
        int k = config.listSize();
        Map<String, Object> models = new LinkedHashMap<>();
        for (String name : ProductRecommending.MODEL_NAMES) {
            if (test.containsKey(name)) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("validation", validation.get(name).toMap(k));
                figures.put("test", test.get(name).toMap(k));
                models.put(name, figures);
            }
        }
        List<Map<String, Object>> grid = new ArrayList<>();
        for (AlsConfig candidate : config.alsGrid()) {
            Map<String, Object> row = alsMap(candidate);
            row.put("validation", alsGrid.get(candidate).toMap(k));
            grid.add(row);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("chosen_model", chosenModel);
        map.put("hr" + k, hr10());
        map.put("popularity_hr" + k, popularityHr10());
        map.put("lift_over_popularity", popularityHr10() == 0 ? 0 : hr10() / popularityHr10());
        map.put("tuning_cutoff", tuningCutoff.toString());
        map.put("test_cutoff", testCutoff.toString());
        map.put("validation_customers", validation.get(chosenModel).customers());
        map.put("test_customers", test.get(chosenModel).customers());
        map.put("models", models);
        map.put("als_grid", grid);
        map.put("recommended_customers", recommendations.stream().mapToInt(Recommendation::customerId).distinct().count());
        map.put("seconds", seconds);
        return map;
    }

    private static Map<String, Object> alsMap(AlsConfig als) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("factors", als.factors());
        map.put("regularisation", als.regularisation());
        map.put("alpha", als.alpha());
        map.put("iterations", als.iterations());
        map.put("half_life_days", als.halfLifeDays());
        return map;
    }
}
