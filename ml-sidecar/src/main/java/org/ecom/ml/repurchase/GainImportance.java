package org.ecom.ml.repurchase;

import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

import java.util.LinkedHashMap;
import java.util.Map;

/** Each feature's share of the boosted trees' total split gain, largest first. */
final class GainImportance {

    private GainImportance() {
    }

    static Map<String, Object> of(XGBoostModel<Label> model) {
        Map<String, Double> gain = new LinkedHashMap<>();
        model.getFeatureImportance().forEach(booster -> booster.getTotalGain().forEach((name, value) -> gain.merge(name, value, Double::sum)));
        double total = gain.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Object> shares = new LinkedHashMap<>();
        gain.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> shares.put(e.getKey(), total == 0 ? 0 : e.getValue() / total));
        return shares;
    }
}
