package org.ecom.ml.repurchase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The training rows of a model that will be used at a cutoff: labelled windows at several earlier
 * cutoffs (one horizon before it, then a step apart), stacked. Each window's labels end by the
 * cutoff, so nothing on or after it is read. A customer appears once per window they had bought before.
 */
final class StackedWindows {

    private StackedWindows() {
    }

    static LabelledWindow before(OrderHistories histories, LocalDate cutoff, RepurchaseConfig config) {
        List<LabelledWindow> windows = new ArrayList<>();
        for (int k = 0; k < config.stackedWindows(); k++) {
            LocalDate windowCutoff = cutoff.minusDays(config.horizonDays() + (long) k * config.stackStepDays());
            LabelledWindow window = LabelledWindow.at(histories, windowCutoff, config.horizonDays());
            if (window.labels().length > 0) {
                windows.add(window);
            }
        }
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("no customer bought before " + cutoff.minusDays(config.horizonDays())
                    + ": not enough history to train a model for the cutoff " + cutoff);
        }
        int rows = windows.stream().mapToInt(w -> w.labels().length).sum();
        int[] ids = new int[rows];
        double[][] features = new double[rows][];
        boolean[] labels = new boolean[rows];
        int at = 0;
        for (LabelledWindow window : windows) {
            int n = window.labels().length;
            System.arraycopy(window.features().customerIds(), 0, ids, at, n);
            System.arraycopy(window.features().rows(), 0, features, at, n);
            System.arraycopy(window.labels(), 0, labels, at, n);
            at += n;
        }
        return new LabelledWindow(windows.get(0).cutoff(), new FeatureTable(ids, CustomerFeatures.NAMES, features), labels);
    }
}
