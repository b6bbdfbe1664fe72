package org.ecom.ml.forecast;

/** The same calendar month a year earlier: hard to beat when the years look alike. */
record SeasonalNaive() implements Candidate {

    @Override
    public String name() {
        return "seasonal naive";
    }

    @Override
    public int minHistory() {
        return HoltWinters.PERIOD;
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        double[] forecast = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            forecast[h - 1] = history[history.length + h - 1 - HoltWinters.PERIOD];
        }
        return forecast;
    }
}
