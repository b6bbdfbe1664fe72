package org.ecom.ml.repurchase;

import org.ecom.ml.data.CustomerOrder;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepurchaseModelingTest {

    private static final CampaignEconomics ECONOMICS = new CampaignEconomics(5, 12.5);
    private static final RepurchaseConfig CONFIG = new RepurchaseConfig(90, List.of(90, 120), 3, 30, 7, 2);

    @Test
    void recoversPlantedRegularsAndScoresEveryEligibleCustomer() {
        List<CustomerOrder> orders = GeneratedOrders.withRegulars(1500, 11);

        LocalDate asOf = dayAfterLastOrder(orders);
        RepurchaseResult result = RepurchaseModeling.run(orders, asOf, CONFIG, ECONOMICS);

        assertTrue(result.testAuc() > 0.8, "the blend's test AUC " + result.testAuc());
        List<?> origins = (List<?>) ((Map<?, ?>) result.metrics().get("rolling_origin")).get("origins");
        assertEquals(List.of(asOf.minusDays(90).toString(), asOf.minusDays(120).toString()),
                origins.stream().map(o -> ((Map<?, ?>) o).get("cutoff")).toList());
        for (Object origin : origins) {
            Map<?, ?> figures = (Map<?, ?>) origin;
            for (String model : List.of("blend", "gradient_boosting", "logistic_regression")) {
                double auc = (Double) ((Map<?, ?>) figures.get(model)).get("roc_auc");
                assertTrue(auc > 0.75, model + " recovers the signal: " + figures);
            }
            assertEquals(0.5, (Double) ((Map<?, ?>) figures.get("prior_rate")).get("roc_auc"), 1e-9);
            // Calibrated on an earlier window: better than one rate for everyone in squared error.
            double brier = (Double) ((Map<?, ?>) figures.get("blend")).get("brier");
            assertTrue(brier < (Double) ((Map<?, ?>) figures.get("prior_rate")).get("brier"), "Brier " + brier + ": " + figures);
        }

        assertEquals(asOf.toString(), result.parameters().get("as_of"));
        Set<Integer> eligible = orders.stream().filter(o -> !o.cancellation()).map(CustomerOrder::customerId)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(eligible, result.scores().stream().map(RepurchaseScore::customerId).collect(Collectors.toSet()));

        // Deciles are balanced, and the top decile is much likelier to buy than the bottom one.
        Map<Integer, List<RepurchaseScore>> byDecile = result.scores().stream().collect(Collectors.groupingBy(RepurchaseScore::decile));
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), byDecile.keySet());
        byDecile.values().forEach(d -> assertTrue(Math.abs(d.size() - eligible.size() / 10.0) <= 1, "decile size " + d.size()));
        assertTrue(meanProbability(byDecile.get(10)) > meanProbability(byDecile.get(1)) + 0.5);

        // The campaign: a profitable threshold on the validation window, and exactly the customers at or above it.
        ProfitCurve.Point chosen = result.campaign().chosen();
        assertTrue(chosen.expectedProfit() > 0, "chosen " + chosen);
        assertEquals(101, result.campaign().points().size());
        assertTrue(result.scores().stream().allMatch(s -> s.inCampaign() == (s.probability() >= chosen.threshold())));
        assertTrue(result.scores().stream().anyMatch(RepurchaseScore::inCampaign));

        // Three reasons per scored customer, strongest first.
        assertEquals(3 * result.scores().size(), result.reasons().size());
        Map<Integer, List<RepurchaseReason>> reasons = result.reasons().stream()
                .collect(Collectors.groupingBy(RepurchaseReason::customerId));
        reasons.values().forEach(r -> assertTrue(Math.abs(r.get(0).contribution()) >= Math.abs(r.get(2).contribution())));
    }

    @Test
    void scoresNoBetterThanChanceWhenThePastSaysNothingAboutTheFuture() {
        // Everyone buys at the same memoryless rate: an AUC well above 0.5 here could only come from leakage.
        List<CustomerOrder> orders = GeneratedOrders.memoryless(1500, 12);
        RepurchaseResult result = RepurchaseModeling.run(orders, dayAfterLastOrder(orders), CONFIG, ECONOMICS);

        assertTrue(Math.abs(result.testAuc() - 0.5) < 0.07, "test AUC " + result.testAuc());
    }

    @Test
    void sameSeedSameScoresWhetherBlendsAreFittedOneOrTwoAtATime() {
        List<CustomerOrder> orders = GeneratedOrders.withRegulars(400, 13);
        LocalDate asOf = LocalDate.of(2023, 11, 1);

        RepurchaseResult first = RepurchaseModeling.run(orders, asOf, new RepurchaseConfig(90, List.of(90), 2, 30, 5, 1), ECONOMICS);
        RepurchaseResult second = RepurchaseModeling.run(orders, asOf, new RepurchaseConfig(90, List.of(90), 2, 30, 5, 2), ECONOMICS);

        assertEquals(first.scores(), second.scores());
        assertEquals(first.metrics().get("rolling_origin"), second.metrics().get("rolling_origin"));
        assertEquals("2023-11-01", first.parameters().get("as_of"));
        assertTrue(first.scores().stream().allMatch(s -> s.probability() >= 0 && s.probability() <= 1));
    }

    private static double meanProbability(List<RepurchaseScore> scores) {
        return scores.stream().mapToDouble(RepurchaseScore::probability).average().orElseThrow();
    }

    private static LocalDate dayAfterLastOrder(List<CustomerOrder> orders) {
        return orders.stream().map(o -> o.orderedAt().toLocalDate()).max(LocalDate::compareTo).orElseThrow().plusDays(1);
    }
}
