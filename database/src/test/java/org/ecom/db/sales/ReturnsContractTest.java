package org.ecom.db.sales;

import static org.ecom.db.Rows.rows;
import static org.ecom.db.Rows.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTest;
import org.ecom.db.StagingFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Returns matched to their sales (sales.match_returns), on hand-made lines whose matching is worked
 * out by hand below, and the net columns they give the sales model and its summaries.
 */
@DatabaseTest
class ReturnsContractTest {

    private static final String UK = "United Kingdom";

    /**
     * <pre>
     *  invoice  date        customer product  qty  price  matched to (rule)
     *  600001   2010-01-05  200      85048     10  2.00
     *  600002   2010-02-05  200      85048      6  2.00
     *  600002   2010-02-05  200      22113      4  5.00
     *  C600003  2010-02-10  200      85048    -10         600001: same quantity (beats the later 600002)
     *  C600004  2010-02-11  200      85048     -8         600002, the latest: 6 matched, 2 unmatched
     *  C600005  2010-01-01  200      22113     -1         none earlier: 1 unmatched
     *  600006   2010-03-01  201      85048      5  2.00
     *  C600007  2010-03-02  201      85048     -5         600006: the order nets to zero
     *  600008   2010-03-05  200      22113      3  5.00
     *  C600009  2010-03-06  200      22113     -2         600008: 2
     *  C600010  2010-03-07  200      22113     -2         600008: the 1 left, 1 unmatched
     * </pre>
     * Gross 77.00 = 20 + 12 + 20 + 10 + 15; matched returns 57.00; net 20.00 (600002's 22113).
     */
    private static long stage(StagingFixture f, long batch) throws SQLException {
        int n = 2;
        f.line(batch, n++, "600001", "85048", "LIGHT", 10, "2010-01-05 10:00:00", "2.00", 200, UK);
        f.line(batch, n++, "600002", "85048", "LIGHT", 6, "2010-02-05 10:00:00", "2.00", 200, UK);
        f.line(batch, n++, "600002", "22113", "HEART", 4, "2010-02-05 10:00:00", "5.00", 200, UK);
        f.line(batch, n++, "C600003", "85048", "LIGHT", -10, "2010-02-10 10:00:00", "2.00", 200, UK);
        f.line(batch, n++, "C600004", "85048", "LIGHT", -8, "2010-02-11 10:00:00", "2.00", 200, UK);
        f.line(batch, n++, "C600005", "22113", "HEART", -1, "2010-01-01 10:00:00", "5.00", 200, UK);
        f.line(batch, n++, "600006", "85048", "LIGHT", 5, "2010-03-01 10:00:00", "2.00", 201, UK);
        f.line(batch, n++, "C600007", "85048", "LIGHT", -5, "2010-03-02 10:00:00", "2.00", 201, UK);
        f.line(batch, n++, "600008", "22113", "HEART", 3, "2010-03-05 10:00:00", "5.00", 200, UK);
        f.line(batch, n++, "C600009", "22113", "HEART", -2, "2010-03-06 10:00:00", "5.00", 200, UK);
        f.line(batch, n, "C600010", "22113", "HEART", -2, "2010-03-07 10:00:00", "5.00", 200, UK);
        f.process(batch);
        return batch;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void eachCancellationLineReversesTheSaleTheRuleNames(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            StagingFixture f = new StagingFixture(c, engine.dialect());
            long batch = stage(f, f.batch("returns.csv", 11));

            assertEquals(List.of(
                    "C600003|600001|10|0",
                    "C600004|600002|6|2",
                    "C600005|null|0|1",
                    "C600007|600006|5|0",
                    "C600009|600008|2|0",
                    "C600010|600008|1|1"),
                    rows(c, "SELECT c.invoice_no, s.invoice_no, c.matched_quantity, c.unmatched_quantity"
                            + " FROM sales.cancellation_line AS c"
                            + " LEFT JOIN sales.invoice_line AS s ON s.invoice_line_id = c.matched_invoice_line_id"
                            + " ORDER BY c.invoice_no"));
            assertEquals(List.of(
                    "600001|85048|10|10|0|0.000|" + batch,
                    "600002|22113|4|0|4|20.000|null",
                    "600002|85048|6|6|0|0.000|" + batch,
                    "600006|85048|5|5|0|0.000|" + batch,
                    "600008|22113|3|3|0|0.000|" + batch),
                    rows(c, "SELECT invoice_no, stock_code, quantity, returned_quantity, net_quantity, net_revenue,"
                            + " returns_batch_id FROM sales.invoice_line ORDER BY invoice_no, stock_code"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void theSummariesCarryNetBesideGrossAndTheyReconcile(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            StagingFixture f = new StagingFixture(c, engine.dialect());
            stage(f, f.batch("returns.csv", 11));

            // gross - matched returns (at the sale's price) = net, to the cent.
            assertEquals("77.000|57.000|20.000", scalar(c, "SELECT CONCAT_WS('|', SUM(l.line_revenue),"
                    + " SUM(l.returned_quantity * l.unit_price), SUM(l.net_revenue)) FROM sales.invoice_line AS l"));
            assertEquals(List.of("22113|35.000|20.000|7|4", "85048|42.000|0.000|21|0"),
                    rows(c, "SELECT stock_code, revenue, net_revenue, quantity, net_quantity FROM mart.product_summary"
                            + " ORDER BY stock_code"));
            assertEquals(List.of("600001|20.000|0.000", "600002|32.000|20.000", "600006|10.000|0.000",
                    "600008|15.000|0.000"),
                    rows(c, "SELECT invoice_no, revenue, net_revenue FROM mart.invoice_summary ORDER BY invoice_no"));
            assertEquals(List.of("200|67.000|20.000", "201|10.000|0.000"),
                    rows(c, "SELECT customer_id, revenue, net_revenue FROM mart.customer_summary ORDER BY customer_id"));
            for (String table : List.of("mart.customer_month", "mart.customer_country_month", "mart.monthly_summary",
                    "mart.country_summary")) {
                assertEquals("77.000|20.000", scalar(c, "SELECT CONCAT_WS('|', SUM(revenue), SUM(net_revenue)) FROM " + table),
                        table);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void aLaterBatchRematchesAndMarksTheLinesWhoseNetItChanged(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            StagingFixture f = new StagingFixture(c, engine.dialect());
            // First the cancellation alone: it reverses nothing yet.
            long first = f.batch("cancellation-first.csv", 2);
            f.line(first, 2, "600001", "85048", "LIGHT", 10, "2010-01-05 10:00:00", "2.00", 200, UK);
            f.line(first, 3, "C600003", "22113", "HEART", -4, "2010-02-10 10:00:00", "5.00", 200, UK);
            f.process(first);
            assertEquals("0|4", scalar(c, "SELECT CONCAT_WS('|', matched_quantity, unmatched_quantity)"
                    + " FROM sales.cancellation_line"));

            // Then the sale it reverses, dated before it, and a late return of the first batch's sale.
            long second = f.batch("sale-later.csv", 2);
            f.line(second, 2, "600002", "22113", "HEART", 4, "2010-02-05 10:00:00", "5.00", 200, UK);
            f.line(second, 3, "C600004", "85048", "LIGHT", -3, "2010-03-01 10:00:00", "2.00", 200, UK);
            f.process(second);
            assertEquals(List.of("C600003|4|0", "C600004|3|0"), rows(c, "SELECT invoice_no, matched_quantity,"
                    + " unmatched_quantity FROM sales.cancellation_line ORDER BY invoice_no"));
            // A refresh by touched keys finds both lines through returns_batch_id, the first
            // batch's line included.
            assertEquals(List.of("600001|" + first + "|3|14.000|" + second, "600002|" + second + "|4|0.000|" + second),
                    rows(c, "SELECT invoice_no, batch_id, returned_quantity, net_revenue, returns_batch_id"
                            + " FROM sales.invoice_line ORDER BY invoice_no"));
        }
    }
}
