package org.ecom.ml.sidecar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecom.ml.data.CustomerOrder;
import org.ecom.ml.data.CustomerRfm;
import org.ecom.ml.data.MonthRevenue;
import org.ecom.ml.data.ProductPurchase;
import org.ecom.ml.repurchase.CampaignEconomics;
import org.jdbi.v3.core.Handle;

/**
 * Reads what the models learn from, in SQL both engines run unchanged: only what happened before
 * the as-of day, so a pass as of an earlier day sees the data as it was then. Everything comes from
 * the cleaned model (sales) and its summaries (mart): the models never see rows that governance set
 * aside.
 */
final class TrainingData {

    private static final String LAST_SALE = "SELECT MAX(invoice_date) FROM mart.invoice_summary";

    // The definitions of kpi.rfm (orders and revenue of mart.customer_summary), cut at the as-of day.
    private static final String RFM = """
            SELECT customer_id, MAX(invoice_date) AS last_purchase_at, COUNT(*) AS frequency, SUM(revenue) AS monetary
            FROM mart.invoice_summary
            WHERE invoice_date < :asOf
            GROUP BY customer_id
            ORDER BY customer_id""";

    // Sales from the invoice summary; cancellations valued from their lines (quantities are negative there).
    private static final String ORDERS = """
            SELECT customer_id, invoice_no, invoice_date, revenue, product_count, 0 AS is_cancellation
            FROM mart.invoice_summary
            WHERE invoice_date < :asOf
            UNION ALL
            SELECT i.customer_id, i.invoice_no, i.invoice_date, ABS(SUM(c.line_revenue)), COUNT(DISTINCT c.stock_code), 1
            FROM sales.invoice AS i
            JOIN sales.cancellation_line AS c ON c.invoice_no = i.invoice_no
            WHERE i.invoice_date < :asOf
            GROUP BY i.customer_id, i.invoice_no, i.invoice_date""";

    // Products only (sales.product_class, the database's one product rule): postage, fees, manual
    // lines, vouchers and samples can neither be recommended nor count as a hit. The flag is bound
    // as a boolean: a bit on SQL Server, a boolean on PostgreSQL.
    private static final String PURCHASES = """
            SELECT s.customer_id, l.stock_code, CAST(s.invoice_date AS date) AS purchased_on, SUM(l.quantity) AS quantity
            FROM sales.invoice_line AS l
            JOIN mart.invoice_summary AS s ON s.invoice_no = l.invoice_no
            JOIN sales.product_class AS k ON k.stock_code = l.stock_code
            WHERE s.invoice_date < :asOf AND k.is_product = :isProduct
            GROUP BY s.customer_id, l.stock_code, CAST(s.invoice_date AS date)""";

    // The sums of mart.monthly_summary, cut at the as-of day.
    private static final String MONTHS = """
            SELECT month_start, SUM(revenue) AS revenue, MIN(invoice_date) AS first_sale_at
            FROM mart.invoice_summary
            WHERE invoice_date < :asOf
            GROUP BY month_start
            ORDER BY month_start""";

    private static final String CAMPAIGN = "SELECT contact_cost, repurchase_margin FROM ml.campaign_assumptions";

    private final Handle handle;

    TrainingData(Handle handle) {
        this.handle = handle;
    }

    /** The day after the last sale: the data's present, the as-of day when none is given. */
    LocalDate dayAfterLastSale() {
        return handle.createQuery(LAST_SALE).mapTo(LocalDateTime.class).findOne()
                .orElseThrow(() -> new IllegalStateException("no sales in the database: load a file first (./ecom load FILE)"))
                .toLocalDate().plusDays(1);
    }

    List<CustomerRfm> rfm(LocalDate asOf) {
        return handle.createQuery(RFM).bind("asOf", asOf)
                .map((rs, context) -> new CustomerRfm(rs.getInt("customer_id"),
                        daysBetween(rs.getTimestamp("last_purchase_at").toLocalDateTime().toLocalDate(), asOf),
                        rs.getInt("frequency"), rs.getDouble("monetary")))
                .list();
    }

    List<CustomerOrder> orders(LocalDate asOf) {
        return handle.createQuery(ORDERS).bind("asOf", asOf).setFetchSize(10_000)
                .map((rs, context) -> new CustomerOrder(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toLocalDateTime(),
                        rs.getDouble(4), rs.getInt(5), rs.getInt(6) == 1))
                .list();
    }

    /**
     * The driver returns a new String and date per row; the purchases repeat a few thousand products
     * and a few hundred days over close to a million rows, so each is kept once.
     */
    List<ProductPurchase> purchases(LocalDate asOf) {
        Map<String, String> stockCodes = new HashMap<>();
        Map<java.sql.Date, LocalDate> days = new HashMap<>();
        return handle.createQuery(PURCHASES).bind("asOf", asOf).bind("isProduct", true).setFetchSize(10_000)
                .map((rs, context) -> new ProductPurchase(rs.getInt(1), stockCodes.computeIfAbsent(rs.getString(2), code -> code),
                        days.computeIfAbsent(rs.getDate(3), java.sql.Date::toLocalDate), rs.getInt(4)))
                .list();
    }

    /** The one row a DBA edits; its absence is a deployment error. */
    CampaignEconomics campaign() {
        return handle.createQuery(CAMPAIGN)
                .map((rs, context) -> new CampaignEconomics(rs.getDouble(1), rs.getDouble(2)))
                .findOne()
                .orElseThrow(() -> new IllegalStateException("ml.campaign_assumptions is empty: insert its one row"
                        + " (contact_cost, repurchase_margin)"));
    }

    /**
     * A month is partial when the data starts after its first day (the first month) or the as-of day
     * falls before its end (the last), as in mart.monthly_summary.
     */
    List<MonthRevenue> months(LocalDate asOf) {
        List<MonthSum> sums = handle.createQuery(MONTHS).bind("asOf", asOf)
                .map((rs, context) -> new MonthSum(rs.getDate("month_start").toLocalDate(), rs.getDouble("revenue"),
                        rs.getTimestamp("first_sale_at").toLocalDateTime().toLocalDate()))
                .list();
        List<MonthRevenue> months = new ArrayList<>(sums.size());
        for (int i = 0; i < sums.size(); i++) {
            MonthSum sum = sums.get(i);
            boolean partial = (i == 0 && sum.firstSale().isAfter(sum.month()))
                    || (i == sums.size() - 1 && asOf.isBefore(sum.month().plusMonths(1)));
            months.add(new MonthRevenue(sum.month(), sum.revenue(), partial));
        }
        return months;
    }

    private record MonthSum(LocalDate month, double revenue, LocalDate firstSale) {
    }

    private static int daysBetween(LocalDate earlier, LocalDate later) {
        return (int) ChronoUnit.DAYS.between(earlier, later);
    }
}
