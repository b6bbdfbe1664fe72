package org.ecom.realdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ecom.db.DatabaseTarget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The kpi.* views on the real Online Retail II file, loaded once, against figures this test
 * computes itself by streaming the CSV with FastCSV and applying the clean-line rules directly
 * (none of the loader's or the database's code): a line is clean when it has a customer, is not an
 * exact duplicate of an earlier line (all eight fields equal), its invoice starts with neither C
 * nor A, and its quantity and price are positive. Skipped, loudly, without the file.
 */
@Tag("real-data")
class RealDataKpiTest {

    private static DatabaseTarget target;
    private static Expected expected;

    /** What the CSV says, computed here. Revenue is exact (BigDecimal). */
    record Expected(long cleanLines, BigDecimal revenue, Set<String> customers, Map<String, BigDecimal> revenueByMonth,
                    Map<String, Integer> ordersByMonth, Map<String, Integer> customersByMonth,
                    Map<String, BigDecimal> revenueByCountry, String lastSaleAt) {
    }

    @BeforeAll
    static void loadTheRealFileOnce() throws Exception {
        expected = computeFromCleanLines(RealData.cleanLines());
        target = RealData.database();
    }

    static Expected computeFromCleanLines(List<RealData.CleanLine> lines) {
        Set<String> customers = new HashSet<>();
        Map<String, BigDecimal> revenueByMonth = new TreeMap<>();
        Map<String, Set<String>> invoicesByMonth = new HashMap<>();
        Map<String, Set<String>> customersByMonth = new HashMap<>();
        Map<String, BigDecimal> revenueByCountry = new HashMap<>();
        BigDecimal revenue = BigDecimal.ZERO;
        String lastSaleAt = "";
        for (RealData.CleanLine l : lines) {
            BigDecimal lineRevenue = l.revenue();
            revenue = revenue.add(lineRevenue);
            String customer = Integer.toString(l.customerId());
            String month = l.invoiceDate().substring(0, 7);
            customers.add(customer);
            revenueByMonth.merge(month, lineRevenue, BigDecimal::add);
            invoicesByMonth.computeIfAbsent(month, m -> new HashSet<>()).add(l.invoice());
            customersByMonth.computeIfAbsent(month, m -> new HashSet<>()).add(customer);
            revenueByCountry.merge(l.country(), lineRevenue, BigDecimal::add);
            if (l.invoiceDate().compareTo(lastSaleAt) > 0) {
                lastSaleAt = l.invoiceDate();
            }
        }
        Map<String, Integer> orders = new TreeMap<>();
        invoicesByMonth.forEach((m, s) -> orders.put(m, s.size()));
        Map<String, Integer> active = new TreeMap<>();
        customersByMonth.forEach((m, s) -> active.put(m, s.size()));
        return new Expected(lines.size(), revenue, customers, revenueByMonth, orders, active, revenueByCountry, lastSaleAt);
    }

    @Test
    void theIndependentCountMatchesThePublishedFigures() {
        assertEquals(779_425, expected.cleanLines());
        assertEquals(new BigDecimal("17374804.27"), expected.revenue().setScale(2, RoundingMode.HALF_UP));
        assertEquals(5_878, expected.customers().size());
        assertTrue(expected.lastSaleAt().startsWith("2011-12-09"), expected.lastSaleAt());
    }

    @Test
    void everyMonthsRevenueOrdersAndCustomersMatchTheCsv() throws SQLException {
        Map<String, String> actual = new TreeMap<>();
        try (Connection c = target.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT month_start, revenue, orders, active_customers, is_partial"
                     + " FROM kpi.monthly_revenue ORDER BY month_start")) {
            while (r.next()) {
                String month = r.getString("month_start").substring(0, 7);
                assertEquals(0, expected.revenueByMonth().get(month).compareTo(r.getBigDecimal("revenue")),
                        month + ": the view says " + r.getBigDecimal("revenue") + ", the CSV " + expected.revenueByMonth().get(month));
                actual.put(month, r.getInt("orders") + "|" + r.getInt("active_customers") + "|" + r.getBoolean("is_partial"));
            }
        }
        Map<String, String> wanted = new TreeMap<>();
        expected.revenueByMonth().keySet().forEach(m -> wanted.put(m, expected.ordersByMonth().get(m) + "|"
                + expected.customersByMonth().get(m) + "|" + m.equals("2011-12")));
        assertEquals(25, wanted.size(), "December 2009 to December 2011");
        assertEquals(wanted, actual, "orders | active customers | is_partial per month; only December 2011 (1-9) partial");
    }

    @Test
    void countryRevenueAddsUpToTheCleanRevenue() throws SQLException {
        BigDecimal ukShare = expected.revenueByCountry().get("United Kingdom")
                .divide(expected.revenue(), 6, RoundingMode.HALF_UP);
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            ResultSet total = s.executeQuery("SELECT SUM(revenue), MAX(cumulative_share), COUNT(*) FROM kpi.country_revenue");
            total.next();
            assertEquals(new BigDecimal("17374804.27"), total.getBigDecimal(1).setScale(2, RoundingMode.HALF_UP));
            assertEquals(0, expected.revenue().compareTo(total.getBigDecimal(1)));
            assertEquals(0, BigDecimal.ONE.compareTo(total.getBigDecimal(2)));
            assertEquals(expected.revenueByCountry().size(), total.getInt(3));
            ResultSet uk = s.executeQuery("SELECT revenue, revenue_share, revenue_rank FROM kpi.country_revenue"
                    + " WHERE country_name = 'United Kingdom'");
            uk.next();
            assertEquals(0, expected.revenueByCountry().get("United Kingdom").compareTo(uk.getBigDecimal("revenue")));
            assertEquals(ukShare, uk.getBigDecimal("revenue_share"));
            assertEquals(1, uk.getInt("revenue_rank"));
        }
    }

    @Test
    void rfmScoresEveryCustomerAgainstTheDayAfterTheLastSale() throws SQLException {
        LocalDate reference = LocalDate.parse(expected.lastSaleAt().substring(0, 10)).plusDays(1);
        assertEquals(LocalDate.of(2011, 12, 10), reference);
        try (Connection c = target.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT customer_id), MIN(reference_date),"
                     + " MAX(reference_date), MIN(recency_days), MIN(r_score), MAX(r_score) FROM kpi.rfm")) {
            r.next();
            assertEquals(5_878, r.getInt(1));
            assertEquals(expected.customers().size(), r.getInt(2));
            assertEquals(reference.toString(), r.getString(3));
            assertEquals(reference.toString(), r.getString(4));
            assertEquals(1, r.getInt(5), "customers who bought on 9 December 2011");
            assertEquals(1, r.getInt(6));
            assertEquals(5, r.getInt(7));
        }
    }

    @Test
    void everyCustomerHasALifetimeValueAndACohort() throws SQLException {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            ResultSet clv = s.executeQuery("SELECT COUNT(*), SUM(historic_clv) FROM kpi.customer_lifetime_value");
            clv.next();
            assertEquals(5_878, clv.getInt(1));
            BigDecimal historic = clv.getBigDecimal(2);
            // Lifetime value is net of matched returns: each customer's kept sales from the sales layer, to the cent.
            ResultSet kept = s.executeQuery("SELECT SUM(CAST(net AS numeric(18,2))) FROM (SELECT i.customer_id, SUM(l.net_revenue) AS net"
                    + " FROM sales.invoice_line AS l JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no"
                    + " GROUP BY i.customer_id) AS per_customer");
            kept.next();
            assertEquals(0, kept.getBigDecimal(1).compareTo(historic), kept.getBigDecimal(1) + " vs " + historic);
            assertTrue(historic.compareTo(expected.revenue()) < 0, "net below the gross headline");
            ResultSet cohorts = s.executeQuery("SELECT SUM(cohort_size), MIN(retention_pct), MAX(retention_pct)"
                    + " FROM kpi.cohort_retention WHERE months_since = 0");
            cohorts.next();
            assertEquals(5_878, cohorts.getInt(1), "every customer in exactly one cohort");
            assertEquals(0, new BigDecimal("100").compareTo(cohorts.getBigDecimal(2)));
            assertEquals(0, new BigDecimal("100").compareTo(cohorts.getBigDecimal(3)));
        }
    }
}
