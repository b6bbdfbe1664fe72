package org.ecom.realdata;

import static org.ecom.db.Rows.rows;
import static org.ecom.db.Rows.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.ecom.db.DatabaseTarget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Returns netted and the product rule on the real Online Retail II file: invoice 581483 (80,995
 * units of 23843, cancelled the same day by C581484) nets to zero, gross - matched returns = net to
 * the cent, and the ten products of highest net revenue are real goods with no cancelled order in
 * their figure.
 */
@Tag("real-data")
class RealDataNetTest {

    /** The catalogue's codes: five digits and an optional letter; DCGS... (web shop) and SP1002 are goods too. */
    private static final Pattern GOODS = Pattern.compile("\\d{5}[A-Za-z]*\\s*|DCGS.*|SP1002");

    private static DatabaseTarget target;

    @BeforeAll
    static void loadTheRealFileOnce() throws Exception {
        target = RealData.database();
    }

    @Test
    void invoice581483NetsToZero() throws Exception {
        try (Connection c = target.connect()) {
            assertEquals("168469.600|0.000", scalar(c, "SELECT CONCAT_WS('|', revenue, net_revenue)"
                    + " FROM mart.invoice_summary WHERE invoice_no = '581483'"));
            assertEquals("581483|80995|0", scalar(c, "SELECT CONCAT_WS('|', s.invoice_no, c.matched_quantity,"
                    + " c.unmatched_quantity) FROM sales.cancellation_line AS c"
                    + " JOIN sales.invoice_line AS s ON s.invoice_line_id = c.matched_invoice_line_id"
                    + " WHERE c.invoice_no = 'C581484'"));
        }
    }

    @Test
    void grossLessMatchedReturnsIsNetToTheCent() throws Exception {
        try (Connection c = target.connect()) {
            String[] sales = scalar(c, "SELECT CONCAT_WS('|', SUM(line_revenue), SUM(returned_quantity * unit_price),"
                    + " SUM(net_revenue), SUM(returned_quantity)) FROM sales.invoice_line").split("\\|");
            assertEquals("17374804.27", new BigDecimal(sales[0]).setScale(2, RoundingMode.HALF_UP).toPlainString(),
                    "gross: the published headline");
            assertEquals(new BigDecimal(sales[0]).subtract(new BigDecimal(sales[1])), new BigDecimal(sales[2]),
                    "gross - matched returns = net");
            assertEquals(sales[3], scalar(c, "SELECT SUM(matched_quantity) FROM sales.cancellation_line"),
                    "every unit a sale gave back is a unit a cancellation took");
            for (String table : List.of("mart.invoice_summary", "mart.customer_summary", "mart.product_summary",
                    "mart.monthly_summary", "mart.country_summary", "mart.customer_month")) {
                assertEquals(sales[0] + "|" + sales[2],
                        scalar(c, "SELECT CONCAT_WS('|', SUM(revenue), SUM(net_revenue)) FROM " + table), table);
            }
            System.out.println("real data: gross " + sales[0] + ", matched returns " + sales[1] + ", net " + sales[2]
                    + "; unmatched cancellation lines|units: " + scalar(c, "SELECT CONCAT_WS('|',"
                    + " unmatched_cancellation_lines, unmatched_cancelled_units) FROM kpi.data_quality_funnel"
                    + " WHERE batch_id IS NULL"));
        }
    }

    @Test
    void everyCodeOutsideTheCatalogueIsANonProductAndNoCatalogueCodeIs() throws Exception {
        try (Connection c = target.connect()) {
            List<String> misclassed = new ArrayList<>();
            List<String> nonProducts = new ArrayList<>();
            for (String row : rows(c, "SELECT stock_code, is_product, product_category FROM sales.product_class")) {
                String[] f = row.split("\\|");
                boolean goods = GOODS.matcher(f[0]).matches();
                if (goods != Boolean.parseBoolean(f[1])) {
                    misclassed.add(row);
                }
                if (!goods) {
                    nonProducts.add(f[0] + ":" + f[2]);
                }
            }
            assertEquals(List.of(), misclassed);
            assertEquals(rows(c, "SELECT COUNT(*) FROM sales.product"), rows(c, "SELECT COUNT(*) FROM sales.product_class"));
            System.out.println("real data: non-products " + nonProducts.stream().sorted().toList());
        }
    }

    @Test
    void theTopTenByNetRevenueAreGoodsWithNoCancelledOrder() throws Exception {
        try (Connection c = target.connect()) {
            List<String> top = rows(c, "SELECT stock_code, is_product, net_revenue, revenue FROM analysis.q04_top_products"
                    + " WHERE net_revenue_rank <= 10 ORDER BY net_revenue_rank");
            assertEquals(10, top.size());
            for (String row : top) {
                assertTrue(row.split("\\|")[1].equals("true"), row);
                assertTrue(GOODS.matcher(row.split("\\|")[0]).matches(), row);
            }
            assertFalse(top.stream().anyMatch(r -> r.startsWith("23843|")), "581483's product: one order, cancelled");
            // Their net, read from the cancellations' side: gross less what the lines matched to
            // the top ten's sales took back, at the sale's price.
            assertEquals(scalar(c, "SELECT SUM(net_revenue) FROM analysis.q04_top_products WHERE net_revenue_rank <= 10"),
                    scalar(c, "SELECT SUM(t.revenue) - (SELECT COALESCE(SUM(x.matched_quantity * l.unit_price), 0)"
                            + " FROM sales.cancellation_line AS x"
                            + " JOIN sales.invoice_line AS l ON l.invoice_line_id = x.matched_invoice_line_id"
                            + " JOIN analysis.q04_top_products AS u ON u.stock_code = l.stock_code AND u.net_revenue_rank <= 10)"
                            + " FROM analysis.q04_top_products AS t WHERE t.net_revenue_rank <= 10"));
            System.out.println("real data: top ten by net revenue (code|product|net|gross): " + top);
        }
    }
}
