package org.ecom.ml.forecast;

/** A Holt-Winters form refitted on each history it is given. */
record HoltWintersCandidate(HoltWintersForm form) implements Candidate {

    @Override
    public String name() {
        return form.label();
    }

    @Override
    public int minHistory() {
        return HoltWinters.PERIOD + 1;
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        return HoltWinters.fit(history, form).forecast(horizon);
    }
}
