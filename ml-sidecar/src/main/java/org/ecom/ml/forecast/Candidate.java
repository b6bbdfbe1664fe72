package org.ecom.ml.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * One way to forecast monthly revenue from the whole months before an origin. Pure: the forecast
 * depends on the history passed in and nothing else, so a backtest can hand it any prefix.
 */
interface Candidate {

    /** The name the run's metrics and docs/ml.md use. */
    String name();

    /** Fewest months of history it forecasts from. */
    int minHistory();

    /** Point forecasts of the {@code horizon} months after the history, 1 to horizon months ahead. */
    double[] forecast(double[] history, int horizon);

    /**
     * The candidate set, seasonal naive first: a tie in the selection keeps the earlier one, and
     * the written forecast falls back to the first when the chosen one does worse on the backtest.
     */
    static List<Candidate> standard() {
        SeasonalNaive naive = new SeasonalNaive();
        DriftSeasonalNaive drift = new DriftSeasonalNaive();
        List<Candidate> candidates = new ArrayList<>(List.of(naive, drift, new MeanOf(List.of(naive, drift))));
        for (HoltWintersForm form : HoltWintersForm.all()) {
            candidates.add(new HoltWintersCandidate(form));
        }
        for (HoltWintersForm form : HoltWintersForm.all()) {
            candidates.add(new MeanOf(List.of(naive, new HoltWintersCandidate(form))));
        }
        return List.copyOf(candidates);
    }
}
