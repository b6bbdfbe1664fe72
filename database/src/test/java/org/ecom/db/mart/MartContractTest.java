package org.ecom.db.mart;

import static org.ecom.db.Rows.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTest;
import org.ecom.db.StagingFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The summary tables after the ten hand-made rows of {@link StagingFixture#tenRows}: clean lines 2
 * and 3 (invoice 489434, customer 13085, UK, 83.40 + 81.00) and 11 (invoice 489438, customer
 * 12345, France, 30.00); customer 16321 only cancelled, so has no sales summary.
 */
@DatabaseTest
class MartContractTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void summariesAddUpTheCleanLines(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            new StagingFixture(c, engine.dialect()).tenRows("fixture.csv");

            assertEquals("2", scalar(c, "SELECT COUNT(*) FROM mart.invoice_summary"));
            assertEquals("164.400|24|2|2", scalar(c, "SELECT " + concat("revenue", "quantity", "line_count", "product_count")
                    + " FROM mart.invoice_summary WHERE invoice_no = '489434'"));
            assertEquals("2009-12-01", scalar(c, "SELECT month_start FROM mart.invoice_summary WHERE invoice_no = '489438'"));

            assertEquals("2", scalar(c, "SELECT COUNT(*) FROM mart.customer_summary"), "13085 and 12345");
            assertEquals("1|164.400|2|1|0", scalar(c, "SELECT " + concat("orders", "revenue", "distinct_products",
                    "active_days", "cancelled_orders") + " FROM mart.customer_summary WHERE customer_id = 13085"));
            assertEquals("2", scalar(c, "SELECT COUNT(*) FROM mart.customer_month"));

            assertEquals("83.400|12|1|1", scalar(c, "SELECT " + concat("revenue", "quantity", "orders", "customers")
                    + " FROM mart.product_summary WHERE stock_code = '85048'"));
            assertEquals("3", scalar(c, "SELECT COUNT(*) FROM mart.product_summary"), "85048, 79323P, 22113");

            // One month, 1-2 December 2009: partial, since the data stops before the 31st.
            assertEquals("194.400|2|2|2", scalar(c, "SELECT " + concat("revenue", "orders", "active_customers",
                    "new_customers") + " FROM mart.monthly_summary"));
            assertEquals(true, scalarBoolean(c, "SELECT is_partial FROM mart.monthly_summary"));

            assertEquals("30.000|1|1", scalar(c, "SELECT " + concat("s.revenue", "s.orders", "s.customers")
                    + " FROM mart.country_summary AS s WHERE s.country_name = 'France'"));
            assertEquals("0", scalar(c, "SELECT COUNT(*) FROM mart.product_pair"), "no product is in two invoices");
        }
    }

    /** The columns as text joined by '|' (CONCAT_WS: PostgreSQL 9.1+, SQL Server 2017+). */
    private static String concat(String... columns) {
        return "CONCAT_WS('|', " + String.join(", ", columns) + ")";
    }

    private static boolean scalarBoolean(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getBoolean(1);
        }
    }
}
