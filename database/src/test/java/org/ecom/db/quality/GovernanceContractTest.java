package org.ecom.db.quality;

import static org.ecom.db.Rows.count;
import static org.ecom.db.Rows.rows;
import static org.ecom.db.Rows.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTest;
import org.ecom.db.StagingFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The governance rules and the cleaning into the sales model, on the ten hand-made rows of
 * {@link StagingFixture#tenRows}, whose fate is worked out by hand there.
 */
@DatabaseTest
public class GovernanceContractTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void countsEveryCategoryAndKeepsOnlyCleanLines(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            StagingFixture f = new StagingFixture(c, engine.dialect());
            long batch = f.tenRows("fixture.csv");

            try (Statement s = c.createStatement();
                 ResultSet g = s.executeQuery("SELECT * FROM quality.batch_governance WHERE batch_id = " + batch)) {
                g.next();
                assertEquals(10, g.getInt("rows_read"));
                assertEquals(0, g.getInt("rows_rejected"));
                assertEquals(3, g.getInt("missing_customer_rows"), "lines 5, 7, 8");
                assertEquals(1, g.getInt("duplicate_rows"), "line 4");
                assertEquals(2, g.getInt("cancellation_rows"), "lines 6, 7");
                assertEquals(2, g.getInt("cancellation_invoices"));
                assertEquals(1, g.getInt("adjustment_rows"), "line 8");
                assertEquals(3, g.getInt("non_positive_quantity_rows"), "lines 6, 7, 9");
                assertEquals(2, g.getInt("non_positive_price_rows"), "lines 8, 10");
                assertEquals(3, g.getInt("clean_rows"), "lines 2, 3, 11");
                assertEquals(new BigDecimal("194.400"), g.getBigDecimal("clean_revenue"));
                assertEquals(2, g.getInt("clean_customers"));
            }
            assertEquals(3, count(c, "sales.invoice_line"));
            assertEquals("194.400", scalar(c, "SELECT SUM(line_revenue) FROM sales.invoice_line"));
            assertEquals("6", scalar(c, "SELECT MIN(source_line_number) FROM sales.cancellation_line"));
            assertEquals(1, count(c, "sales.cancellation_line"));
            assertEquals(3, count(c, "sales.invoice"), "489434, 489438, C489449");
            assertEquals(3, count(c, "sales.customer"));
            assertEquals(3, count(c, "sales.country"));
            assertEquals(4, count(c, "sales.product"), "85048, 79323P, 22087, 22113");
            assertEquals("cleaned", scalar(c, "SELECT status FROM staging.load_batch WHERE batch_id = " + batch));
            assertEquals(0, orphans(c), "every line has its invoice and product");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void aRowAlreadyLoadedByAnEarlierBatchIsADuplicate(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            StagingFixture f = new StagingFixture(c, engine.dialect());
            f.tenRows("first.csv");

            long second = f.batch("second.csv", 2);
            f.line(second, 2, "489434", "85048", "LIGHT", 12, "2009-12-01 07:45:00", "6.95", 13085, "United Kingdom");
            f.line(second, 3, "489500", "85048", "LIGHT", 1, "2009-12-03 07:45:00", "6.95", 13085, "EIRE");
            f.process(second);

            assertEquals("1", scalar(c, "SELECT duplicate_rows FROM quality.batch_governance WHERE batch_id = " + second));
            assertEquals("1", scalar(c, "SELECT clean_rows FROM quality.batch_governance WHERE batch_id = " + second));
            assertEquals(4, count(c, "sales.invoice_line"));
            assertEquals("EIRE", scalar(c, "SELECT n.country_name FROM sales.customer AS cu"
                    + " JOIN sales.country AS n ON n.country_id = cu.country_id WHERE cu.customer_id = 13085"),
                    "a customer's country follows their latest invoice");
            assertEquals("12", scalar(c, "SELECT rows_read FROM kpi.data_quality_funnel WHERE batch_id IS NULL"),
                    "the overall funnel row adds up the batches");
            // The overall row names no file. C489449 (16321, 22087 x -12) reverses no sale in the data.
            assertEquals(List.of("null|1|12"), rows(c, "SELECT file_name, unmatched_cancellation_lines,"
                    + " unmatched_cancelled_units FROM kpi.data_quality_funnel WHERE batch_id IS NULL"));
        }
    }

    /**
     * Lines whose invoice or product is missing: no foreign key says so on PostgreSQL's fact tables,
     * nor on Babelfish's binary-collation columns.
     */
    public static int orphans(Connection c) throws SQLException {
        int orphans = 0;
        for (String lines : new String[] {"sales.invoice_line", "sales.cancellation_line"}) {
            orphans += Integer.parseInt(scalar(c, "SELECT COUNT(*) FROM " + lines + " AS l"
                    + " LEFT JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no"
                    + " LEFT JOIN sales.product AS p ON p.stock_code = l.stock_code"
                    + " WHERE i.invoice_no IS NULL OR p.stock_code IS NULL"));
        }
        return orphans;
    }
}
