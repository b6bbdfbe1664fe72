package org.ecom.ml.repurchase;

import org.ecom.ml.data.CustomerOrder;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** Whether each customer of a feature table made a sale in the horizon that starts at the cutoff. */
final class RepurchaseLabels {

    private RepurchaseLabels() {
    }

    static boolean[] of(OrderHistories histories, FeatureTable customers, LocalDate cutoffDay, int horizonDays) {
        LocalDateTime start = cutoffDay.atStartOfDay();
        LocalDateTime end = cutoffDay.plusDays(horizonDays).atStartOfDay();
        boolean[] labels = new boolean[customers.size()];
        for (int i = 0; i < labels.length; i++) {
            List<CustomerOrder> orders = histories.byCustomer().get(customers.customerIds()[i]);
            labels[i] = orders.stream().anyMatch(o -> !o.cancellation()
                    && !o.orderedAt().isBefore(start) && o.orderedAt().isBefore(end));
        }
        return labels;
    }
}
