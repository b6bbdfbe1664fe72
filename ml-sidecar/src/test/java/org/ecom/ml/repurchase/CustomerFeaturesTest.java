package org.ecom.ml.repurchase;

import org.ecom.ml.data.CustomerOrder;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomerFeaturesTest {

    private static final LocalDate CUTOFF = LocalDate.of(2023, 6, 1);

    @Test
    void ordersFromTheCutoffOnDoNotChangeTheFeatures() {
        List<CustomerOrder> orders = GeneratedOrders.withRegulars(300, 21);
        List<CustomerOrder> changed = new ArrayList<>();
        for (CustomerOrder o : orders) {
            if (o.orderedAt().isBefore(CUTOFF.atStartOfDay())) {
                changed.add(o);
            } else if (o.customerId() % 2 == 0) {
                // Later orders: every other customer's are dropped, the rest get ten times the revenue and products.
                changed.add(new CustomerOrder(o.customerId(), o.invoiceNo(), o.orderedAt(), o.revenue() * 10,
                        o.productCount() * 10, !o.cancellation()));
            }
        }
        changed.add(new CustomerOrder(1, "999999", CUTOFF.atStartOfDay(), 1e6, 500, false));

        FeatureTable original = CustomerFeatures.at(OrderHistories.of(orders), CUTOFF, 90);
        FeatureTable altered = CustomerFeatures.at(OrderHistories.of(changed), CUTOFF, 90);

        assertArrayEquals(original.customerIds(), altered.customerIds());
        assertArrayEquals(original.rows(), altered.rows());
        assertTrue(original.size() > 100);
    }

    @Test
    void computesRecencyGapsAndCancelledShareFromTheOrdersBeforeTheCutoff() {
        List<CustomerOrder> orders = List.of(
                sale("1", LocalDateTime.of(2023, 1, 1, 12, 0), 100, 4),
                sale("2", LocalDateTime.of(2023, 1, 11, 12, 0), 300, 6),
                new CustomerOrder(7, "C3", LocalDateTime.of(2023, 1, 12, 12, 0), 50, 1, true),
                sale("4", LocalDateTime.of(2023, 5, 2, 0, 0), 200, 2),
                sale("5", LocalDateTime.of(2023, 6, 1, 0, 0), 999, 9));

        FeatureTable table = CustomerFeatures.at(OrderHistories.of(orders), CUTOFF, 90);

        assertArrayEquals(new int[] {7}, table.customerIds());
        assertEquals(30, feature(table, "recency_days"), 1e-9);
        assertEquals(150.5, feature(table, "tenure_days"), 1e-9);
        assertEquals(Math.log1p(3), feature(table, "log_orders"), 1e-12);
        assertEquals(Math.log1p(600), feature(table, "log_revenue"), 1e-12);
        assertEquals(0.25, feature(table, "cancelled_share"), 1e-12);
        assertEquals(4, feature(table, "mean_products_per_order"), 1e-12);
        // Active days 1 Jan, 11 Jan, 2 May: gaps of 10 and 111 days.
        assertEquals(60.5, feature(table, "mean_gap_days"), 1e-9);
        assertEquals(111, feature(table, "last_gap_days"), 1e-9);
        assertEquals(50.5, feature(table, "gap_std_days"), 1e-9);
        assertEquals(Math.log1p(1), feature(table, "log_orders_last_90d"), 1e-12);
    }

    @Test
    void labelsCountSalesInTheHorizonOnly() {
        LocalDateTime cutoff = CUTOFF.atStartOfDay();
        List<CustomerOrder> orders = List.of(
                new CustomerOrder(1, "1", cutoff.minusDays(5), 10, 1, false),
                new CustomerOrder(1, "2", cutoff.plusDays(89).plusHours(23), 10, 1, false),
                new CustomerOrder(2, "3", cutoff.minusDays(5), 10, 1, false),
                new CustomerOrder(2, "C4", cutoff.plusDays(3), 10, 1, true),
                new CustomerOrder(2, "5", cutoff.plusDays(90), 10, 1, false));

        LabelledWindow window = LabelledWindow.at(OrderHistories.of(orders), CUTOFF, 90);

        assertArrayEquals(new int[] {1, 2}, window.features().customerIds());
        assertTrue(window.labels()[0]);
        assertFalse(window.labels()[1], "a cancellation and a sale after the horizon are not a repurchase");
    }

    private static CustomerOrder sale(String invoice, LocalDateTime at, double revenue, int products) {
        return new CustomerOrder(7, invoice, at, revenue, products, false);
    }

    private static double feature(FeatureTable table, String name) {
        return table.rows()[0][table.names().indexOf(name)];
    }
}
