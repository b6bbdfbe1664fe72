package org.ecom.ml.repurchase;

import org.ecom.ml.data.CustomerOrder;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The features of every customer with a sale before a cutoff, computed only from invoices dated
 * strictly before it (the label window starts at the cutoff, so nothing here can see it).
 * Counts and money are log-scaled: trees do not care, the logistic regression does.
 */
final class CustomerFeatures {

    static final List<String> NAMES = List.of(
            "recency_days", "tenure_days", "log_orders", "log_revenue", "log_mean_basket",
            "orders_per_month", "cancelled_share", "mean_products_per_order", "log_product_lines",
            "log_active_days", "mean_gap_days", "last_gap_days", "gap_std_days", "recency_over_mean_gap",
            "log_orders_last_90d", "log_revenue_last_90d", "log_orders_prev_90d", "revenue_trend_90d",
            "log_orders_last_365d", "log_orders_same_season_last_year", "active_months_last_365d",
            "log_orders_last_30d", "log_orders_last_180d", "log_revenue_last_365d", "median_gap_days",
            "min_gap_days", "gap_cv", "recency_over_median_gap", "days_past_due");

    private static final double DAYS_PER_MONTH = 365.25 / 12;

    private CustomerFeatures() {
    }

    /** Features at the start of the cutoff day, for customers with at least one sale before it. */
    static FeatureTable at(OrderHistories histories, LocalDate cutoffDay, int horizonDays) {
        LocalDateTime cutoff = cutoffDay.atStartOfDay();
        List<Integer> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (Map.Entry<Integer, List<CustomerOrder>> entry : histories.byCustomer().entrySet()) {
            double[] row = features(entry.getValue(), cutoff, horizonDays);
            if (row != null) {
                ids.add(entry.getKey());
                rows.add(row);
            }
        }
        return new FeatureTable(ids.stream().mapToInt(Integer::intValue).toArray(), NAMES, rows.toArray(double[][]::new));
    }

    /** One customer's features, or null when they had no sale before the cutoff. Orders are in time order. */
    private static double[] features(List<CustomerOrder> orders, LocalDateTime cutoff, int horizonDays) {
        int sales = 0;
        int cancellations = 0;
        double revenue = 0;
        long productLines = 0;
        List<LocalDate> activeDays = new ArrayList<>();
        LocalDateTime first = null;
        LocalDateTime last = null;
        int ordersLast30 = 0;
        int ordersLast90 = 0;
        int ordersPrev90 = 0;
        int ordersLast180 = 0;
        int ordersLast365 = 0;
        double revenueLast365 = 0;
        int ordersSameSeasonLastYear = 0;
        // Months (of 30 days back from the cutoff) with a sale in the last year: how steadily they buy.
        boolean[] activeMonths = new boolean[13];
        double revenueLast90 = 0;
        double revenuePrev90 = 0;
        // The label window one year earlier: seasonal buyers (Christmas stock) come back at the same time.
        LocalDateTime seasonStart = cutoff.minusDays(365);
        LocalDateTime seasonEnd = seasonStart.plusDays(horizonDays);
        for (CustomerOrder order : orders) {
            LocalDateTime at = order.orderedAt();
            if (!at.isBefore(cutoff)) {
                break;
            }
            if (order.cancellation()) {
                cancellations++;
                continue;
            }
            sales++;
            revenue += order.revenue();
            productLines += order.productCount();
            if (first == null) {
                first = at;
            }
            last = at;
            LocalDate day = at.toLocalDate();
            if (activeDays.isEmpty() || !activeDays.get(activeDays.size() - 1).equals(day)) {
                activeDays.add(day);
            }
            double daysBefore = days(at, cutoff);
            if (daysBefore <= 30) {
                ordersLast30++;
            }
            if (daysBefore <= 180) {
                ordersLast180++;
            }
            if (daysBefore <= 90) {
                ordersLast90++;
                revenueLast90 += order.revenue();
            } else if (daysBefore <= 180) {
                ordersPrev90++;
                revenuePrev90 += order.revenue();
            }
            if (daysBefore <= 365) {
                ordersLast365++;
                revenueLast365 += order.revenue();
                activeMonths[(int) (daysBefore / 30)] = true;
            }
            if (!at.isBefore(seasonStart) && at.isBefore(seasonEnd)) {
                ordersSameSeasonLastYear++;
            }
        }
        if (sales == 0) {
            return null;
        }
        double recency = days(last, cutoff);
        double tenure = days(first, cutoff);
        Gaps gaps = Gaps.of(activeDays, tenure);
        double trendBase = revenueLast90 + revenuePrev90;
        return new double[] {
                recency,
                tenure,
                Math.log1p(sales),
                Math.log1p(Math.max(0, revenue)),
                Math.log1p(Math.max(0, revenue / sales)),
                sales / Math.max(1, tenure / DAYS_PER_MONTH),
                cancellations / (double) (sales + cancellations),
                productLines / (double) sales,
                Math.log1p(productLines),
                Math.log1p(activeDays.size()),
                gaps.mean(),
                gaps.last(),
                gaps.std(),
                recency / Math.max(1, gaps.mean()),
                Math.log1p(ordersLast90),
                Math.log1p(Math.max(0, revenueLast90)),
                Math.log1p(ordersPrev90),
                trendBase > 0 ? (revenueLast90 - revenuePrev90) / trendBase : 0,
                Math.log1p(ordersLast365),
                Math.log1p(ordersSameSeasonLastYear),
                count(activeMonths),
                Math.log1p(ordersLast30),
                Math.log1p(ordersLast180),
                Math.log1p(Math.max(0, revenueLast365)),
                gaps.median(),
                gaps.min(),
                gaps.std() / Math.max(1, gaps.mean()),
                recency / Math.max(1, gaps.median()),
                recency - gaps.mean()
        };
    }

    private static int count(boolean[] flags) {
        int count = 0;
        for (boolean flag : flags) {
            count += flag ? 1 : 0;
        }
        return count;
    }

    private static double days(LocalDateTime from, LocalDateTime to) {
        return ChronoUnit.MINUTES.between(from, to) / (24.0 * 60);
    }

    /**
     * Days between consecutive active days. A customer seen on one day only has no gap yet; the time
     * since that day (the tenure) is a lower bound of their first gap, so it stands in for every statistic.
     */
    private record Gaps(double mean, double last, double std, double median, double min) {

        static Gaps of(List<LocalDate> activeDays, double tenure) {
            int n = activeDays.size() - 1;
            if (n < 1) {
                return new Gaps(tenure, tenure, 0, tenure, tenure);
            }
            double[] gaps = new double[n];
            for (int i = 1; i <= n; i++) {
                gaps[i - 1] = ChronoUnit.DAYS.between(activeDays.get(i - 1), activeDays.get(i));
            }
            double last = gaps[n - 1];
            double mean = Arrays.stream(gaps).average().orElseThrow();
            double variance = Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).sum() / n;
            Arrays.sort(gaps);
            double median = n % 2 == 1 ? gaps[n / 2] : (gaps[n / 2 - 1] + gaps[n / 2]) / 2;
            return new Gaps(mean, last, Math.sqrt(variance), median, gaps[0]);
        }
    }
}
