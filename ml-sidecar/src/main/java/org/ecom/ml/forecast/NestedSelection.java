package org.ecom.ml.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The selection procedure backtested as a whole: at each origin of the quoted backtest, a
 * candidate is chosen by its MAPE on the errors known at that origin (months before it), and its
 * forecasts from that origin are scored. So the figure says how well "pick by backtest"
 * does on months the picking never saw, which the chosen candidate's own backtest MAPE cannot
 * (the same months chose it).
 *
 * @param choices one per origin of the quoted backtest, in order
 */
record NestedSelection(List<Choice> choices) {

    /** The candidate chosen at an origin, its forecasts from there and the interval it would have given. */
    record Choice(int origin, Candidate candidate, List<BacktestPoint> points, ErrorIntervals intervals) {
    }

    static NestedSelection run(List<Backtest> backtests, int firstOrigin, int months, int horizon) {
        List<Choice> choices = new ArrayList<>();
        for (int origin = firstOrigin; origin < months; origin++) {
            Backtest chosen = choose(backtests, origin);
            choices.add(new Choice(origin, chosen.candidate(), chosen.at(origin), ErrorIntervals.of(chosen.knownAt(origin), horizon)));
        }
        return new NestedSelection(List.copyOf(choices));
    }

    /**
     * The one-standard-error rule: the first candidate (they come simplest first, seasonal naive
     * leading) whose MAPE on the points known at {@code origin} is within one standard error of the
     * lowest. A few months of errors rank near-equal candidates by chance; a more complex candidate
     * has to be clearly better to be chosen.
     */
    static Backtest choose(List<Backtest> backtests, int origin) {
        List<BacktestPoint> best = backtests.stream().map(b -> b.knownAt(origin))
                .min(Comparator.comparingDouble(Backtest::mape)).orElseThrow();
        double within = Backtest.mape(best) + standardError(best);
        return backtests.stream().filter(b -> Backtest.mape(b.knownAt(origin)) <= within).findFirst().orElseThrow();
    }

    /** Standard error of the mean absolute percentage error of the points, in percent. */
    private static double standardError(List<BacktestPoint> points) {
        double mean = Backtest.mape(points) / 100;
        double variance = points.stream().mapToDouble(p -> Math.pow(p.absolutePercentageError() - mean, 2)).sum()
                / (points.size() - 1);
        return 100 * Math.sqrt(variance / points.size());
    }

    List<BacktestPoint> points() {
        return choices.stream().flatMap(c -> c.points().stream()).toList();
    }

    double mape() {
        return Backtest.mape(points());
    }

    double mape(int horizon) {
        return Backtest.mape(points(), horizon);
    }

    double intervalCoverage() {
        return choices.stream().mapToLong(c -> c.points().stream().filter(c.intervals()::covers).count()).sum()
                / (double) points().size();
    }
}
