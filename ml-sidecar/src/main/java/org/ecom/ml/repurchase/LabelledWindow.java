package org.ecom.ml.repurchase;

import java.time.LocalDate;

/** Features at a cutoff and whether each customer bought in the horizon after it. */
record LabelledWindow(LocalDate cutoff, FeatureTable features, boolean[] labels) {

    static LabelledWindow at(OrderHistories histories, LocalDate cutoff, int horizonDays) {
        FeatureTable features = CustomerFeatures.at(histories, cutoff, horizonDays);
        return new LabelledWindow(cutoff, features, RepurchaseLabels.of(histories, features, cutoff, horizonDays));
    }

    LabelledWindow withFeatures(FeatureTable selected) {
        return new LabelledWindow(cutoff, selected, labels);
    }

    double positiveRate() {
        int positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        return labels.length == 0 ? 0 : positives / (double) labels.length;
    }
}
