package org.ecom.ml.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ecom.ml.data.MonthRevenue;
import org.junit.jupiter.api.Test;

class ForecastSelectionTest {

    private static final ForecastConfig CONFIG = ForecastConfig.defaults();

    /**
     * Each year repeats the one before, month by month, with 3 % noise: last year's month is the best
     * forecast there is, and the others can only look better by chance. Seasonal naive must be
     * written for every one of 20 seeds, and chosen outright (not by the fallback) for at least 18
     * (19 measured); picking the plain lowest MAPE, without the one-standard-error rule, wrote it for 13.
     */
    @Test
    void seasonalNaiveWinsOnARepeatingPatternPlusNoise() {
        int chosen = 0;
        for (int seed = 0; seed < 20; seed++) {
            Random random = new Random(seed);
            double[] values = new double[36];
            for (int t = 0; t < values.length; t++) {
                double lastYear = t < 12 ? 500_000 + 300_000 * Math.pow(Math.sin(t), 2) : values[t - 12];
                values[t] = lastYear * (1 + 0.03 * random.nextGaussian());
            }
            ForecastResult result = RevenueForecasting.run(months(values), CONFIG);

            assertEquals(new SeasonalNaive().name(), result.model(), "seed " + seed);
            chosen += result.fellBackToSeasonalNaive() ? 0 : 1;
        }
        assertTrue(chosen >= 18, "seasonal naive chosen outright for " + chosen + " of 20 seeds");
    }

    /** A steady trend under the season: last year's month is a year's growth short, which the drift form adds back. */
    @Test
    void driftBeatsPlainSeasonalNaiveOnATrendingSeason() {
        ForecastResult result = RevenueForecasting.run(PlantedSeries.months(36, 5), CONFIG);

        double drift = candidateMape(result, new DriftSeasonalNaive().name());
        assertTrue(drift < 0.6 * result.seasonalNaiveMape(), drift + " % against seasonal naive " + result.seasonalNaiveMape() + " %");
        assertTrue(result.mape() < result.seasonalNaiveMape());
    }

    /**
     * Candidate "early" is exact on the months before month 24 and 100 % off from it on; "late" is
     * 1 % off before and exact after. At origin 24 every month known is one "early" got right, so a
     * selection that reads only those must choose "early" and score its misses; one that also saw
     * the three months it is scored on would choose "late".
     */
    @Test
    void theNestedSelectionNeverSeesTheMonthsItIsScoredOn() {
        double[] truth = PlantedSeries.values(30, 3);
        int switchMonth = 24;
        Candidate early = new Scripted("early", truth, switchMonth, 0, 1.0);
        Candidate late = new Scripted("late", truth, switchMonth, 0.01, 0);
        List<Backtest> backtests = List.of(Backtest.run(truth, early, CONFIG), Backtest.run(truth, late, CONFIG));

        NestedSelection nested = NestedSelection.run(backtests, switchMonth, truth.length, CONFIG.horizon());

        NestedSelection.Choice atSwitch = nested.choices().get(0);
        assertEquals(switchMonth, atSwitch.origin());
        assertEquals("early", atSwitch.candidate().name());
        assertEquals(100, Backtest.mape(atSwitch.points()), 1e-9);
        // Once the switch is known it counts: "late" takes over when its exact months outweigh.
        assertEquals("late", nested.choices().get(nested.choices().size() - 1).candidate().name());
    }

    /** What happens from an origin on cannot change the choice made at it, for any candidate of the standard set. */
    @Test
    void aChoiceDependsOnlyOnTheMonthsBeforeItsOrigin() {
        double[] values = PlantedSeries.values(30, 8);
        int months = values.length;
        int firstOrigin = Backtest.firstOrigin(months, CONFIG);
        for (int origin = firstOrigin; origin < months; origin++) {
            double[] changed = values.clone();
            for (int t = origin; t < months; t++) {
                changed[t] = values[t] * (t % 2 == 0 ? 1.6 : 0.5);
            }
            assertEquals(choice(values, origin), choice(changed, origin), "origin " + origin);
        }
    }

    /** A candidate that looks best on all the months but worse than seasonal naive on the quoted backtest is not written. */
    @Test
    void fallsBackToSeasonalNaiveWhenTheChosenCandidateIsWorseOnTheBacktest() {
        double[] truth = PlantedSeries.values(30, 3);
        ForecastConfig shortBacktest = new ForecastConfig(3, 3, 18, 13);
        int firstOrigin = Backtest.firstOrigin(truth.length, shortBacktest);
        // Exact on the many months before the quoted backtest, 20 % off on its few: chosen on all
        // months, worse than seasonal naive (a year's trend short, about 7 %) on the quoted ones.
        Candidate flattering = new Scripted("flattering", truth, firstOrigin, 0, 0.2);
        ForecastResult result = RevenueForecasting.run(months(truth), shortBacktest, List.of(new SeasonalNaive(), flattering),
                line -> { });

        assertTrue(result.fellBackToSeasonalNaive());
        assertEquals("seasonal naive", result.model());
        assertEquals("flattering", result.metrics().get("chosen_model"));
        assertEquals(true, result.metrics().get("fell_back_to_seasonal_naive"));
        assertEquals(result.seasonalNaiveMape(), result.mape());
    }

    @Test
    void intervalsComeFromTheLogErrorsPerHorizon() {
        List<BacktestPoint> errors = List.of(new BacktestPoint(0, 1, 110, 100), new BacktestPoint(1, 1, 100, 110),
                new BacktestPoint(0, 2, 120, 100), new BacktestPoint(1, 2, 100, 120));
        ErrorIntervals intervals = ErrorIntervals.of(errors, 2);
        double s1 = Math.log(1.1);
        assertEquals(s1, intervals.spread()[0], 1e-12);
        assertEquals(1_000 * Math.exp(-1.959964 * s1), intervals.lo95(1_000, 1), 1e-9);
        assertEquals(1_000 * Math.exp(1.959964 * Math.log(1.2)), intervals.hi95(1_000, 2), 1e-9);
        assertTrue(intervals.covers(new BacktestPoint(5, 1, 1_200, 1_000)));
        assertFalse(intervals.covers(new BacktestPoint(5, 1, 1_250, 1_000)));
    }

    private static String choice(double[] values, int origin) {
        List<Backtest> backtests = Candidate.standard().stream().map(c -> Backtest.run(values, c, CONFIG)).toList();
        return NestedSelection.choose(backtests, origin).candidate().name();
    }

    @SuppressWarnings("unchecked")
    private static double candidateMape(ForecastResult result, String name) {
        return ((List<Map<String, Object>>) result.metrics().get("candidates")).stream()
                .filter(c -> c.get("model").equals(name)).mapToDouble(c -> (Double) c.get("mape")).findFirst().orElseThrow();
    }

    private static List<MonthRevenue> months(double[] values) {
        List<MonthRevenue> list = new ArrayList<>();
        for (int t = 0; t < values.length; t++) {
            list.add(new MonthRevenue(PlantedSeries.START.plusMonths(t), values[t], false));
        }
        return list;
    }

    /** Forecasts the planted truth, off by a set share before a given month and another from it on. */
    private record Scripted(String name, double[] truth, int switchMonth, double offBefore, double offAfter) implements Candidate {

        @Override
        public int minHistory() {
            return HoltWinters.PERIOD + 1;
        }

        @Override
        public double[] forecast(double[] history, int horizon) {
            double[] forecast = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                int target = history.length + h;
                forecast[h] = truth[target] * (1 + (target < switchMonth ? offBefore : offAfter));
            }
            return forecast;
        }
    }
}
