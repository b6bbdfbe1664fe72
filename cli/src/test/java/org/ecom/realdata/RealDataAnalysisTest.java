package org.ecom.realdata;

import static org.ecom.db.Rows.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
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
 * The analysis queries on the real Online Retail II file, against figures computed here
 * independently: the CSV streamed with FastCSV and the clean-line rules applied in Java (customer
 * present; not an exact copy of an earlier row, all eight fields equal; invoice not starting with
 * C or A; quantity > 0; price > 0). Loaded once; skipped loudly when the file is absent.
 */
@Tag("real-data")
class RealDataAnalysisTest {

    /** Whole span of the data, [from, to). */
    private static final String ALL = "('2009-01-01', '2013-01-01')";

    private static DatabaseTarget target;
    private static Truth truth;

    /** What the Java pass over the file found. */
    record Truth(long lines, BigDecimal revenue, long units, Map<String, BigDecimal> invoiceRevenue,
                 Map<Integer, Set<String>> customerInvoices, Map<Integer, BigDecimal> customerRevenue,
                 Map<String, BigDecimal> productRevenue) {
    }

    @BeforeAll
    static void loadTheRealFileOnce() throws Exception {
        truth = computeIndependently(RealData.cleanLines());
        target = RealData.database();
    }

    static Truth computeIndependently(List<RealData.CleanLine> lines) {
        long units = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        Map<String, BigDecimal> invoiceRevenue = new HashMap<>();
        Map<Integer, Set<String>> customerInvoices = new HashMap<>();
        Map<Integer, BigDecimal> customerRevenue = new HashMap<>();
        Map<String, BigDecimal> productRevenue = new HashMap<>();
        for (RealData.CleanLine l : lines) {
            BigDecimal lineRevenue = l.revenue();
            units += l.quantity();
            revenue = revenue.add(lineRevenue);
            invoiceRevenue.merge(l.invoice(), lineRevenue, BigDecimal::add);
            customerInvoices.computeIfAbsent(l.customerId(), k -> new HashSet<>()).add(l.invoice());
            customerRevenue.merge(l.customerId(), lineRevenue, BigDecimal::add);
            productRevenue.merge(l.stockCode(), lineRevenue, BigDecimal::add);
        }
        return new Truth(lines.size(), revenue, units, invoiceRevenue, customerInvoices, customerRevenue, productRevenue);
    }

    @Test
    void theJavaPassFindsThePublishedFigures() {
        assertEquals(779_425, truth.lines());
        assertEquals(new BigDecimal("17374804.27"), truth.revenue().setScale(2, RoundingMode.HALF_UP));
        assertEquals(5_878, truth.customerInvoices().size());
    }

    @Test
    void q01TotalSalesOverTheWholeSpan() throws Exception {
        try (Connection c = target.connect()) {
            String expected = truth.revenue().setScale(3, RoundingMode.UNNECESSARY) + "|" + truth.invoiceRevenue().size()
                    + "|" + truth.customerInvoices().size() + "|" + truth.units();
            assertEquals(List.of(expected),
                    rows(c, "SELECT revenue, orders, customers, units FROM analysis.q01_total_sales" + ALL));
            System.out.println("q01 whole span (revenue|orders|customers|units): " + expected);
        }
    }

    @Test
    void q06DistributionOfOrdersPerCustomer() throws Exception {
        int[] upper = {1, 2, 3, 5, 10, 20, Integer.MAX_VALUE};
        long[] customers = new long[upper.length];
        for (Set<String> invoices : truth.customerInvoices().values()) {
            int bucket = 0;
            while (invoices.size() > upper[bucket]) {
                bucket++;
            }
            customers[bucket]++;
        }
        List<String> expected = new ArrayList<>();
        for (long n : customers) {
            expected.add(Long.toString(n));
        }
        List<String> actual = rows(c(), "SELECT customers FROM analysis.q06_orders_per_customer ORDER BY bucket_order");
        assertEquals(expected, actual);
        System.out.println("q06 customers per bucket 1,2,3,4-5,6-10,11-20,21+: " + actual);
    }

    @Test
    void q04TopFiveProductsByRevenue() throws Exception {
        List<String> expected = truth.productRevenue().entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5)
                .map(e -> e.getKey() + "|" + e.getValue().setScale(3, RoundingMode.UNNECESSARY))
                .toList();
        List<String> actual = rows(c(), "SELECT stock_code, revenue FROM analysis.q04_top_products"
                + " WHERE revenue_rank <= 5 ORDER BY revenue_rank, stock_code");
        assertEquals(expected, actual);
        System.out.println("q04 top 5 by revenue: " + actual);
    }

    @Test
    void q12ParetoCountOfCustomersMakingEightyPercent() throws Exception {
        List<BigDecimal> revenues = new ArrayList<>(truth.customerRevenue().values());
        revenues.sort(Comparator.reverseOrder());
        BigDecimal line = truth.revenue().multiply(new BigDecimal("0.8"));
        BigDecimal cumulative = BigDecimal.ZERO;
        int count = 0;
        while (cumulative.compareTo(line) < 0) {
            cumulative = cumulative.add(revenues.get(count++));
        }
        assertEquals(List.of(Integer.toString(count)),
                rows(c(), "SELECT top_80_count FROM analysis.q12_pareto_summary WHERE subject = 'customers'"));
        System.out.println("q12 summary: " + rows(c(), "SELECT subject, total_count, top_80_count, top_80_count_share,"
                + " top_80_revenue_share FROM analysis.q12_pareto_summary ORDER BY subject"));
    }

    @Test
    void q05TopThreeCountriesByRevenue() throws Exception {
        Map<String, BigDecimal> byCountry = new HashMap<>();
        RealData.cleanLines().forEach(l -> byCountry.merge(l.country(), l.revenue(), BigDecimal::add));
        List<String> expected = byCountry.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                .limit(3)
                .map(e -> e.getKey() + "|" + e.getValue().setScale(3, RoundingMode.UNNECESSARY))
                .toList();
        assertEquals(expected, rows(c(), "SELECT country_name, revenue FROM analysis.q05_revenue_by_country" + ALL
                + " WHERE revenue_rank <= 3 ORDER BY revenue_rank"));
    }

    @Test
    void q07GrowthOfTheLastThreeMonths() throws Exception {
        Map<String, BigDecimal> byMonth = new TreeMap<>();
        RealData.cleanLines().forEach(l -> byMonth.merge(l.invoiceDate().substring(0, 7) + "-01", l.revenue(), BigDecimal::add));
        List<String> months = new ArrayList<>(byMonth.keySet());
        List<String> expected = new ArrayList<>();
        for (String month : months.subList(months.size() - 3, months.size())) {
            BigDecimal revenue = byMonth.get(month);
            BigDecimal previous = byMonth.get(months.get(months.indexOf(month) - 1));
            BigDecimal growth = revenue.subtract(previous).multiply(BigDecimal.valueOf(100))
                    .divide(previous, 10, RoundingMode.HALF_UP).setScale(2, RoundingMode.HALF_UP);
            expected.add(month + "|" + revenue.setScale(3, RoundingMode.UNNECESSARY) + "|" + growth);
        }
        assertEquals(expected, rows(c(), "SELECT month_start, revenue, revenue_growth_pct FROM analysis.q07_monthly_growth"
                + " WHERE month_start >= '2011-10-01' ORDER BY month_start"));
    }

    private static Connection c() throws Exception {
        return target.connect();
    }
}
