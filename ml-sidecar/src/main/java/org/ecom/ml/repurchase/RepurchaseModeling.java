package org.ecom.ml.repurchase;

import org.ecom.ml.data.CustomerOrder;
import org.ecom.ml.repurchase.StratifiedCrossValidation.CrossValidated;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The probability that a customer buys again within the horizon (90 days).
 * <p>
 * Evaluation is by time: models learn at cutoff as-of minus two horizons (labels from the horizon
 * after it, which ends where the test starts) and are tested at as-of minus one horizon (labels from
 * the last horizon of the data). Cross-validation on the training window alone picks the model, its
 * hyperparameters and its threshold; the test window only reports. The chosen model is then trained
 * again on the latest window and scores every customer as of the end of the data.
 */
public final class RepurchaseModeling {

    private RepurchaseModeling() {
    }

    public static RepurchaseResult run(List<CustomerOrder> orders, LocalDate asOf, RepurchaseConfig config) {
        return run(orders, asOf, config, line -> { });
    }

    /** Scores as of {@code asOf}: trained on the windows before it, from orders placed before it. */
    public static RepurchaseResult run(List<CustomerOrder> orders, LocalDate asOf, RepurchaseConfig config,
                                       Consumer<String> progress) {
        long started = System.nanoTime();
        OrderHistories histories = OrderHistories.of(orders);
        int horizon = config.horizonDays();
        LabelledWindow rawTrain = LabelledWindow.at(histories, asOf.minusDays(2L * horizon), horizon);
        requireBothClasses(rawTrain, config.folds());
        FeatureSelection selection = FeatureSelection.fit(rawTrain.features());
        LabelledWindow train = rawTrain.withFeatures(selection.apply(rawTrain.features()));
        LabelledWindow rawTest = LabelledWindow.at(histories, asOf.minusDays(horizon), horizon);
        requireBothClasses(rawTest, 1);
        LabelledWindow test = rawTest.withFeatures(selection.apply(rawTest.features()));
        FeatureTable current = selection.apply(CustomerFeatures.at(histories, asOf, horizon));
        progress.accept(String.format("repurchase: %d training customers (%.1f%% buy), %d test customers (%.1f%% buy), %d features kept",
                train.features().size(), 100 * train.positiveRate(), test.features().size(), 100 * test.positiveRate(),
                selection.kept().length));

        List<Example<Label>> trainExamples = TribuoExamples.examples(train.features(), train.labels());
        ModelChoice choice = chooseByCrossValidation(train, trainExamples, config, progress);
        CrossValidated chosen = choice.chosen();
        List<Example<Label>> testExamples = TribuoExamples.examples(test.features(), test.labels());
        TestFigures tested = testEachFamily(choice, trainExamples, train, test, testExamples, config.seed(), progress);
        double chosenTestAuc = tested.chosenAuc();

        // The latest labelled window is the test window: the chosen model learns from it before scoring today.
        Model<Label> latest = chosen.candidate().trainer().apply(config.seed())
                .train(TribuoExamples.dataset(testExamples));
        // Scored one customer at a time through the scorer that is stored with the run, so that the
        // stored model gives a reader exactly the probabilities written here.
        RepurchaseScorer scorer = TribuoScorer.of(latest, test.features());
        double[] probabilities = new double[current.size()];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = scorer.probability(current.rows()[i]);
        }
        List<RepurchaseScore> scores = Deciles.of(current.customerIds(), probabilities);

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("test_auc", chosenTestAuc);
        metrics.put("chosen_model", chosen.candidate().family());
        metrics.put("models", tested.models());
        metrics.put("baselines", Baselines.figures(rawTrain, rawTest));
        metrics.put("cv_candidates", choice.candidates());
        metrics.put("xgboost_gain_importance", tested.boostedImportance());
        metrics.put("train_customers", train.features().size());
        metrics.put("train_positive_rate", train.positiveRate());
        metrics.put("test_customers", test.features().size());
        metrics.put("test_positive_rate", test.positiveRate());
        metrics.put("scored_customers", scores.size());
        metrics.put("selected_features", train.features().names());
        metrics.put("dropped_features", selection.dropped());
        metrics.put("wall_seconds", (System.nanoTime() - started) / 1e9);

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("as_of", asOf.toString());
        parameters.put("horizon_days", horizon);
        parameters.put("train_cutoff", train.cutoff().toString());
        parameters.put("test_cutoff", test.cutoff().toString());
        parameters.put("folds", config.folds());
        parameters.put("seed", config.seed());
        parameters.put("parallel_fits", config.parallelFits());
        parameters.put("chosen_model", chosen.candidate().family());
        parameters.put("chosen_hyperparameters", chosen.candidate().hyperparameters());
        progress.accept(String.format("repurchase: chose %s, test AUC %.3f, scored %d customers",
                chosen.candidate().family(), chosenTestAuc, scores.size()));
        return new RepurchaseResult(scores, scorer, chosenTestAuc, parameters, metrics);
    }

    /**
     * Each customer's features as of {@code asOf} (from orders before it), in the order of
     * {@code names}: what a scorer of a run as of that day scored them on. Unknown names throw.
     */
    public static Map<Integer, double[]> features(List<CustomerOrder> orders, LocalDate asOf, int horizonDays,
                                                 List<String> names) {
        FeatureTable table = CustomerFeatures.at(OrderHistories.of(orders), asOf, horizonDays)
                .select(names.stream().mapToInt(name -> {
                    int column = CustomerFeatures.NAMES.indexOf(name);
                    if (column < 0) {
                        throw new IllegalArgumentException("unknown feature '" + name + "': expected one of " + CustomerFeatures.NAMES);
                    }
                    return column;
                }).toArray());
        Map<Integer, double[]> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < table.size(); i++) {
            byCustomer.put(table.customerIds()[i], table.rows()[i]);
        }
        return byCustomer;
    }

    /** What cross-validation chose: the best setting of each family, the best of those, and every candidate's figures. */
    private record ModelChoice(Map<String, CrossValidated> bestOfFamily, CrossValidated chosen,
                               List<Map<String, Object>> candidates) {
    }

    private static ModelChoice chooseByCrossValidation(LabelledWindow train, List<Example<Label>> trainExamples,
                                                       RepurchaseConfig config, Consumer<String> progress) {
        StratifiedCrossValidation crossValidation = new StratifiedCrossValidation(train.labels(), config.folds(), config.seed());
        Map<String, CrossValidated> bestOfFamily = new LinkedHashMap<>();
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (Candidate candidate : Candidates.all()) {
            CrossValidated result = crossValidation.run(candidate, trainExamples, train.labels(), config.seed(), config.parallelFits());
            progress.accept(String.format("repurchase: %s cross-validated AUC %.3f", candidate.name(), result.meanAuc()));
            candidates.add(Map.of("model", candidate.family(), "hyperparameters", candidate.hyperparameters(),
                    "cv_mean_auc", result.meanAuc(), "cv_std_auc", result.stdAuc()));
            bestOfFamily.merge(candidate.family(), result, (a, b) -> b.meanAuc() > a.meanAuc() ? b : a);
        }
        CrossValidated chosen = bestOfFamily.values().stream()
                .max(Comparator.comparingDouble(CrossValidated::meanAuc)).orElseThrow();
        return new ModelChoice(bestOfFamily, chosen, candidates);
    }

    /** Each family's figures on the test window, the chosen model's AUC, and the boosted trees' gain importance. */
    private record TestFigures(Map<String, Object> models, double chosenAuc, Map<String, Object> boostedImportance) {
    }

    /**
     * Trains each family's best setting on the whole training window and tests it, at the threshold
     * that maximised F1 on its out-of-fold probabilities.
     */
    private static TestFigures testEachFamily(ModelChoice choice, List<Example<Label>> trainExamples, LabelledWindow train,
                                              LabelledWindow test, List<Example<Label>> testExamples, long seed,
                                              Consumer<String> progress) {
        Map<String, Object> models = new LinkedHashMap<>();
        Map<String, Object> importance = Map.of();
        double chosenAuc = Double.NaN;
        for (CrossValidated best : choice.bestOfFamily().values()) {
            Model<Label> model = best.candidate().trainer().apply(seed).train(TribuoExamples.dataset(trainExamples));
            double threshold = BinaryMetrics.maxF1Threshold(train.labels(), best.outOfFold());
            BinaryMetrics figures = BinaryMetrics.of(test.labels(), TribuoExamples.buyProbabilities(model, testExamples), threshold);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("hyperparameters", best.candidate().hyperparameters());
            entry.put("cv_mean_auc", best.meanAuc());
            entry.put("cv_std_auc", best.stdAuc());
            entry.put("test", figures.asMap());
            models.put(best.candidate().family(), entry);
            if (best == choice.chosen()) {
                chosenAuc = figures.rocAuc();
            }
            if (best.candidate().family().equals(Candidates.GRADIENT_BOOSTING) && model instanceof XGBoostModel<Label> boosted) {
                importance = GainImportance.of(boosted);
            }
            progress.accept(String.format("repurchase: %s test AUC %.3f", best.candidate().family(), figures.rocAuc()));
        }
        return new TestFigures(models, chosenAuc, importance);
    }

    private static void requireBothClasses(LabelledWindow window, int atLeast) {
        int buyers = 0;
        for (boolean label : window.labels()) {
            buyers += label ? 1 : 0;
        }
        if (buyers < atLeast || window.labels().length - buyers < atLeast) {
            throw new IllegalArgumentException(String.format(
                    "the window at %s has %d buyers and %d non-buyers: need at least %d of each",
                    window.cutoff(), buyers, window.labels().length - buyers, atLeast));
        }
    }
}
