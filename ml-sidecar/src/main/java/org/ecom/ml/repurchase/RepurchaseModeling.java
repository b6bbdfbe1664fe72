package org.ecom.ml.repurchase;

import org.ecom.ml.data.CustomerOrder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The probability that a customer buys again within the horizon (90 days).
 * <p>
 * Evaluation is on a rolling origin: at each test cutoff (as-of minus 90, 120, 150, 180 days) a
 * blend is trained on labelled windows that end by that cutoff, calibrated on the window one horizon
 * before it (scored by the blend trained for that earlier cutoff, so calibration sees no row it
 * trained on), and tested on the customers at the cutoff. The model that scores today is built the
 * same way at the as-of date: trained on the windows ending by it, calibrated on the window at
 * as-of minus one horizon.
 */
public final class RepurchaseModeling {

    private RepurchaseModeling() {
    }

    public static RepurchaseResult run(List<CustomerOrder> orders, LocalDate asOf, RepurchaseConfig config,
                                       CampaignEconomics economics) {
        return run(orders, asOf, config, economics, line -> { });
    }

    /**
     * Scores as of {@code asOf}: trained on the windows before it, from orders placed before it. The
     * campaign threshold is the most profitable one on the latest labelled window (as-of minus one
     * horizon), scored the same way the test origins are.
     */
    public static RepurchaseResult run(List<CustomerOrder> orders, LocalDate asOf, RepurchaseConfig config,
                                       CampaignEconomics economics, Consumer<String> progress) {
        long started = System.nanoTime();
        OrderHistories histories = OrderHistories.of(orders);
        int horizon = config.horizonDays();
        // Every origin a blend is needed for: today, the validation window, each test cutoff, and each one's
        // calibration window (a horizon earlier).
        TreeSet<Integer> offsets = new TreeSet<>(List.of(0, horizon, 2 * horizon));
        for (int offset : config.testOffsetsDays()) {
            offsets.add(offset);
            offsets.add(offset + horizon);
        }
        Map<Integer, Origin> origins = fitAll(histories, asOf, offsets, config, progress);

        List<Map<String, Object>> tests = new ArrayList<>();
        for (int offset : config.testOffsetsDays()) {
            tests.add(test(origins.get(offset), origins.get(offset + horizon)));
        }
        Map<String, Object> rolling = new LinkedHashMap<>();
        rolling.put("origins", tests);
        rolling.put("mean", means(tests));

        Origin calibrationWindow = origins.get(horizon);
        PlattScaling scaling = PlattScaling.fit(calibrationWindow.scores().blend(), calibrationWindow.window().labels());
        BlendedModel model = origins.get(0).model().calibrated(scaling);
        Origin validation = origins.get(horizon);
        ProfitCurve campaign = ProfitCurve.of(validation.window().labels(),
                calibrated(validation, origins.get(2 * horizon)), economics);
        FeatureTable current = CustomerFeatures.at(histories, asOf, horizon);
        // Scored one customer at a time through the scorer that is stored with the run, so that the
        // stored model gives a reader exactly the probabilities written here.
        FeatureTable inputs = current.select(model.featureNames());
        double[] probabilities = new double[inputs.size()];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = model.probability(inputs.rows()[i]);
        }
        List<RepurchaseScore> scores = Deciles.of(current.customerIds(), probabilities, campaign.chosen().threshold());

        Map<String, Object> first = tests.get(0);
        double headlineAuc = (Double) ((Map<?, ?>) first.get("blend")).get("roc_auc");
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("test_auc", headlineAuc);
        metrics.put("test_cutoff", first.get("cutoff"));
        metrics.put("rolling_origin", rolling);
        // Flat copies of the headline figures, so ml.run_metric (top-level numbers only) lists them run after run.
        for (int k = 0; k < tests.size(); k++) {
            Map<?, ?> blend = (Map<?, ?>) tests.get(k).get("blend");
            String suffix = "_minus_" + config.testOffsetsDays().get(k) + "d";
            for (String figure : List.of("roc_auc", "pr_auc", "brier")) {
                metrics.put(figure + suffix, blend.get(figure));
            }
        }
        Map<?, ?> mean = (Map<?, ?>) rolling.get("mean");
        for (String figure : List.of("roc_auc", "pr_auc", "brier")) {
            metrics.put("mean_" + figure, mean.get("blend_" + figure));
        }
        metrics.put("xgboost_gain_importance", GainImportance.of(model.boosted()));
        metrics.put("calibration_window", Map.of("cutoff", calibrationWindow.cutoff().toString(),
                "customers", calibrationWindow.window().labels().length,
                "positive_rate", calibrationWindow.window().positiveRate()));
        metrics.put("scored_customers", scores.size());
        metrics.put("campaign_threshold", campaign.chosen().threshold());
        metrics.put("campaign_validation_profit", campaign.chosen().expectedProfit());
        metrics.put("campaign_validation_contacted", campaign.chosen().contactedCustomers());
        metrics.put("campaign_customers", scores.stream().filter(RepurchaseScore::inCampaign).count());
        metrics.put("selected_features", model.featureNames());
        metrics.put("dropped_features", origins.get(0).dropped());
        metrics.put("wall_seconds", (System.nanoTime() - started) / 1e9);

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("as_of", asOf.toString());
        parameters.put("horizon_days", horizon);
        parameters.put("test_offsets_days", config.testOffsetsDays());
        parameters.put("stacked_windows", config.stackedWindows());
        parameters.put("stack_step_days", config.stackStepDays());
        parameters.put("seed", config.seed());
        parameters.put("parallel_fits", config.parallelFits());
        parameters.put("model", "rank-averaged blend of gradient boosting and logistic regression, Platt-calibrated");
        parameters.put("gradient_boosting", Learners.BOOSTING_SETTINGS);
        parameters.put("logistic_regression", Map.of("epochs", Learners.LOGISTIC_EPOCHS));
        parameters.put("platt_slope", scaling.slope());
        parameters.put("platt_intercept", scaling.intercept());
        parameters.put("contact_cost", economics.contactCost());
        parameters.put("repurchase_margin", economics.repurchaseMargin());
        parameters.put("campaign_validation_cutoff", validation.cutoff().toString());
        progress.accept(String.format("repurchase: test ROC-AUC %.3f at %s, mean %.3f over %d origins; scored %d customers,"
                        + " %d in the campaign (threshold %.2f)", headlineAuc, first.get("cutoff"),
                (Double) ((Map<?, ?>) rolling.get("mean")).get("blend_roc_auc"), tests.size(), scores.size(),
                metrics.get("campaign_customers"), campaign.chosen().threshold()));
        return new RepurchaseResult(scores, model, headlineAuc, parameters, metrics, campaign, model.reasons(current));
    }

    /**
     * Each customer's features as of {@code asOf} (from orders before it), in the order of
     * {@code names}: what a scorer of a run as of that day scored them on. Unknown names throw.
     */
    public static Map<Integer, double[]> features(List<CustomerOrder> orders, LocalDate asOf, int horizonDays,
                                                 List<String> names) {
        FeatureTable table = CustomerFeatures.at(OrderHistories.of(orders), asOf, horizonDays).select(names);
        Map<Integer, double[]> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < table.size(); i++) {
            byCustomer.put(table.customerIds()[i], table.rows()[i]);
        }
        return byCustomer;
    }

    /**
     * A blend trained for one cutoff, and (before the as-of date) the labelled customers at that
     * cutoff with the blend's scores for them.
     */
    private record Origin(LocalDate cutoff, BlendedModel model, Map<String, String> dropped, LabelledWindow window,
                          BlendedModel.Scores scores) {
    }

    /** Fits the blends of every origin, {@code parallelFits} at once; each is seeded alike, so the order does not matter. */
    private static Map<Integer, Origin> fitAll(OrderHistories histories, LocalDate asOf, TreeSet<Integer> offsets,
                                               RepurchaseConfig config, Consumer<String> progress) {
        ExecutorService pool = Executors.newFixedThreadPool(config.parallelFits());
        try {
            Map<Integer, Future<Origin>> pending = new TreeMap<>();
            for (int offset : offsets) {
                pending.put(offset, pool.submit(() -> fit(histories, asOf.minusDays(offset), offset > 0, config)));
            }
            Map<Integer, Origin> origins = new TreeMap<>();
            for (Map.Entry<Integer, Future<Origin>> entry : pending.entrySet()) {
                Origin origin = entry.getValue().get();
                origins.put(entry.getKey(), origin);
                progress.accept(String.format("repurchase: blend for %s fitted", origin.cutoff()));
            }
            return origins;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("repurchase training interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw invalid;
            }
            throw new IllegalStateException("repurchase training failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Origin fit(OrderHistories histories, LocalDate cutoff, boolean labelled, RepurchaseConfig config) {
        LabelledWindow stack = StackedWindows.before(histories, cutoff, config);
        requireBothClasses(stack);
        FeatureSelection selection = FeatureSelection.fit(stack.features());
        BlendedModel model = BlendedModel.fit(selection.apply(stack.features()), stack.labels(), config.seed());
        if (!labelled) {
            return new Origin(cutoff, model, selection.dropped(), null, null);
        }
        LabelledWindow window = LabelledWindow.at(histories, cutoff, config.horizonDays());
        requireBothClasses(window);
        return new Origin(cutoff, model, selection.dropped(), window, model.scores(window.features()));
    }

    /** One rolling origin's figures: each model, the calibrated blend and the baselines on the test window. */
    private static Map<String, Object> test(Origin test, Origin calibration) {
        boolean[] labels = test.window().labels();
        double[] probabilities = calibrated(test, calibration);
        Map<String, Object> blend = Baselines.ranking(labels, probabilities);
        blend.put("brier", Calibration.brier(labels, probabilities));
        blend.put("at_half", BinaryMetrics.of(labels, probabilities, 0.5).asMap());
        blend.put("reliability", Calibration.reliability(labels, probabilities));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cutoff", test.cutoff().toString());
        figures.put("calibration_cutoff", calibration.cutoff().toString());
        figures.put("customers", labels.length);
        figures.put("positive_rate", test.window().positiveRate());
        figures.put("blend", blend);
        figures.put("gradient_boosting", Baselines.ranking(labels, test.scores().boosted()));
        figures.put("logistic_regression", Baselines.ranking(labels, test.scores().linear()));
        figures.putAll(Baselines.figures(test.window(), calibration.window().positiveRate()));
        return figures;
    }

    /** The blend's scores at an origin, calibrated on the labelled window of an earlier one. */
    private static double[] calibrated(Origin origin, Origin calibration) {
        PlattScaling scaling = PlattScaling.fit(calibration.scores().blend(), calibration.window().labels());
        return Arrays.stream(origin.scores().blend()).map(scaling::probability).toArray();
    }

    /** The mean over the origins of each model's ROC-AUC and PR-AUC, and of the calibrated blend's Brier score. */
    private static Map<String, Object> means(List<Map<String, Object>> tests) {
        Map<String, Object> means = new LinkedHashMap<>();
        for (String model : List.of("blend", "gradient_boosting", "logistic_regression", "recency_only", "prior_rate")) {
            for (String figure : List.of("roc_auc", "pr_auc", "brier")) {
                double[] values = tests.stream().map(t -> ((Map<?, ?>) t.get(model)).get(figure))
                        .filter(v -> v != null).mapToDouble(v -> (Double) v).toArray();
                if (values.length > 0) {
                    means.put(model + "_" + figure, Arrays.stream(values).average().orElseThrow());
                }
            }
        }
        return means;
    }

    private static void requireBothClasses(LabelledWindow window) {
        int buyers = 0;
        for (boolean label : window.labels()) {
            buyers += label ? 1 : 0;
        }
        if (buyers == 0 || buyers == window.labels().length) {
            throw new IllegalArgumentException(String.format(
                    "the window at %s has %d buyers and %d non-buyers: need both", window.cutoff(), buyers,
                    window.labels().length - buyers));
        }
    }
}
