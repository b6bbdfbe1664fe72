package org.ecom.ml.repurchase;

import org.ecom.ml.data.CustomerOrder;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded customers who buy as a Poisson process over two years: "regulars" every ~20 days,
 * "occasionals" every ~250 days, so whoever bought often and lately is likely to buy again.
 * With equal rates for everyone the past says nothing about the future: a model must then score
 * no better than chance.
 */
final class GeneratedOrders {

    static final LocalDate START = LocalDate.of(2022, 1, 1);
    static final LocalDate END = LocalDate.of(2023, 12, 31);

    private GeneratedOrders() {
    }

    static List<CustomerOrder> withRegulars(int customers, long seed) {
        return generate(customers, seed, 20, 250);
    }

    static List<CustomerOrder> memoryless(int customers, long seed) {
        return generate(customers, seed, 120, 120);
    }

    private static List<CustomerOrder> generate(int customers, long seed, double regularGapDays, double occasionalGapDays) {
        Random random = new Random(seed);
        List<CustomerOrder> orders = new ArrayList<>();
        long totalMinutes = java.time.Duration.between(START.atStartOfDay(), END.atStartOfDay()).toMinutes();
        int invoice = 100_000;
        for (int customer = 1; customer <= customers; customer++) {
            double meanGapMinutes = (random.nextDouble() < 0.4 ? regularGapDays : occasionalGapDays) * 24 * 60;
            // Customers join at different times over the first year and a half.
            double minute = random.nextDouble() * totalMinutes * 0.75;
            while (minute < totalMinutes) {
                LocalDateTime at = START.atStartOfDay().plusMinutes((long) minute);
                boolean cancellation = random.nextDouble() < 0.05;
                orders.add(new CustomerOrder(customer, (cancellation ? "C" : "") + invoice++, at,
                        20 + random.nextDouble() * 300, 1 + random.nextInt(20), cancellation));
                minute += -Math.log(1 - random.nextDouble()) * meanGapMinutes;
            }
        }
        return orders;
    }
}
