package org.ecom.ingest;

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
import org.ecom.db.DatabaseTarget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analysis queries on the real Online Retail II file, against figures computed here
 * independently: the CSV streamed with FastCSV and the clean-line rules applied in Java (customer
 * present; not an exact copy of an earlier row, all eight fields equal; invoice not starting with
 * C or A; quantity > 0; price > 0). Loaded once; skipped loudly when the file is absent.
 */
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
    void printsTheOtherQueriesOnTheRealData() throws Exception {
        // Not checked against Java: printed for the record (and to prove they run on the real data).
        try (Connection c = target.connect()) {
            System.out.println("q02 whole span: " + rows(c, "SELECT * FROM analysis.q02_average_order_value" + ALL));
            System.out.println("q05 top 3 countries: " + rows(c, "SELECT country_name, revenue, revenue_share"
                    + " FROM analysis.q05_revenue_by_country" + ALL + " WHERE revenue_rank <= 3 ORDER BY revenue_rank"));
            System.out.println("q07 last 3 months: " + rows(c, "SELECT month_start, is_partial, revenue_growth_pct"
                    + " FROM analysis.q07_monthly_growth WHERE month_start >= '2011-10-01' ORDER BY month_start"));
            System.out.println("q09 segments: " + rows(c, "SELECT segment, customers, revenue_share"
                    + " FROM analysis.q09_rfm_segments ORDER BY segment_order"));
            System.out.println("q10 first cohort: " + rows(c, "SELECT * FROM analysis.q10_cohort_retention"
                    + " WHERE cohort_month = '2009-12-01'"));
            System.out.println("q11 top 3 pairs (support >= 1%): " + rows(c, "SELECT description_a, description_b, support,"
                    + " lift FROM analysis.q11_product_pairs(0.01) WHERE lift_rank <= 3 ORDER BY lift_rank"));
        }
    }

    private static Connection c() throws Exception {
        return target.connect();
    }
}
