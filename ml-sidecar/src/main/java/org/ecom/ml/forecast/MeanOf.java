package org.ecom.ml.forecast;

import java.util.List;
import java.util.stream.Collectors;

/** The plain mean of other candidates' forecasts: errors of different kinds partly cancel. */
record MeanOf(List<Candidate> parts) implements Candidate {

    MeanOf {
        parts = List.copyOf(parts);
    }

    @Override
    public String name() {
        return parts.stream().map(Candidate::name).collect(Collectors.joining(", ", "mean(", ")"));
    }

    @Override
    public int minHistory() {
        return parts.stream().mapToInt(Candidate::minHistory).max().orElseThrow();
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        double[] mean = new double[horizon];
        for (Candidate part : parts) {
            double[] forecast = part.forecast(history, horizon);
            for (int h = 0; h < horizon; h++) {
                mean[h] += forecast[h] / parts.size();
            }
        }
        return mean;
    }
}
