package org.ecom.ml.forecast;

/**
 * Seasonal naive times the recent year-over-year growth: the revenue of the last (up to) twelve
 * months over the revenue of the same months a year earlier. A ratio, not an added difference,
 * because revenue's seasonal swings grow with its level.
 */
record DriftSeasonalNaive() implements Candidate {

    private static final SeasonalNaive NAIVE = new SeasonalNaive();

    @Override
    public String name() {
        return "seasonal naive x year-over-year growth";
    }

    @Override
    public int minHistory() {
        return HoltWinters.PERIOD + 1;
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        int n = history.length;
        int months = Math.min(HoltWinters.PERIOD, n - HoltWinters.PERIOD);
        double recent = 0;
        double yearBefore = 0;
        for (int t = n - months; t < n; t++) {
            recent += history[t];
            yearBefore += history[t - HoltWinters.PERIOD];
        }
        double growth = recent / yearBefore;
        double[] forecast = NAIVE.forecast(history, horizon);
        for (int h = 0; h < horizon; h++) {
            forecast[h] *= growth;
        }
        return forecast;
    }
}
