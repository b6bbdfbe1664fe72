package org.ecom.ml.repurchase;

import org.ecom.ml.data.CustomerOrder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every customer's invoices in time order, grouped once so each cutoff reads them without sorting again. */
record OrderHistories(Map<Integer, List<CustomerOrder>> byCustomer) {

    static OrderHistories of(List<CustomerOrder> orders) {
        Map<Integer, List<CustomerOrder>> byCustomer = new TreeMap<>();
        for (CustomerOrder order : orders) {
            byCustomer.computeIfAbsent(order.customerId(), id -> new ArrayList<>()).add(order);
        }
        byCustomer.values().forEach(list -> list.sort(Comparator.comparing(CustomerOrder::orderedAt)
                .thenComparing(CustomerOrder::invoiceNo)));
        return new OrderHistories(byCustomer);
    }
}
