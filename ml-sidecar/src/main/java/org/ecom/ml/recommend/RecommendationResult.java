package org.ecom.ml.recommend;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecom.ml.ModelReport;

/**
 * The recommendations of the model that validated best, with every model's validation figures.
 *
 * @param recommendations up to {@code listSize} unbought products per customer, from the chosen
 *                        model refitted on all purchases
 * @param chosenModel     name of the model with the highest validation hit rate
 * @param validation      each model's validation figures by name, in the order they were run
 * @param cutoff          first day of the held-out period
 * @param config          the settings of the run
 * @param seconds         wall time of the whole step
 */
public record RecommendationResult(List<Recommendation> recommendations, String chosenModel,
                                   Map<String, RankingQuality> validation, LocalDate cutoff,
                                   RecommendationConfig config, double seconds) implements ModelReport {

    public RecommendationResult {
        recommendations = List.copyOf(recommendations);
        validation = Map.copyOf(validation);
    }

    /** The chosen model's validation hit rate at the list size (HR@10 by default). */
    public double hr10() {
        return validation.get(chosenModel).hitRate();
    }

    public double popularityHr10() {
        return validation.get(ProductRecommending.POPULARITY).hitRate();
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
        map.put("seed", config.seed());
        map.put("feedback", "binary: bought at least once");
        return map;
    }

    @Override
    public Map<String, Object> metrics() {
        int k = config.listSize();
        Map<String, Object> models = new LinkedHashMap<>();
        for (String name : ProductRecommending.MODEL_NAMES) {
            if (validation.containsKey(name)) {
                models.put(name, validation.get(name).toMap(k));
            }
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("chosen_model", chosenModel);
        map.put("hr" + k, hr10());
        map.put("popularity_hr" + k, popularityHr10());
        map.put("lift_over_popularity", popularityHr10() == 0 ? 0 : hr10() / popularityHr10());
        map.put("validation_cutoff", cutoff.toString());
        map.put("validation_customers", validation.get(chosenModel).customers());
        map.put("models", models);
        map.put("recommended_customers", recommendations.stream().mapToInt(Recommendation::customerId).distinct().count());
        map.put("seconds", seconds);
        return map;
    }
}
