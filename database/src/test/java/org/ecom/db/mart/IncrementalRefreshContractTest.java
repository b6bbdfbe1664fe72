package org.ecom.db.mart;

import static org.ecom.db.Rows.rows;
import static org.ecom.db.mart.MartRefreshContractTest.call;
import static org.ecom.db.mart.MartRefreshContractTest.execute;
import static org.ecom.db.mart.MartRefreshContractTest.summariesExcept;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTest;
import org.ecom.db.Dialect;
import org.ecom.db.StagingFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * mart.refresh_summaries given a batch refreshes only the keys the batch touched, and ends in the
 * same summaries as the full rebuild (no batch) after every file: four daily files, the third of
 * them late (January, after February and March), adding a line to an invoice of an earlier file,
 * repeating an earlier line (a duplicate), moving a customer's first month earlier and naming a
 * product as it was named before (the later name stays); the second carries a cancellation of a
 * sale of the first.
 */
@DatabaseTest
class IncrementalRefreshContractTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void eachDailyFileEndsInTheSummariesOfAFullRebuild(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            StagingFixture staging = new StagingFixture(c, engine.dialect());

            long february = staging.batch("day-02.csv", 3);
            staging.line(february, 2, "700002", "A1", "ALPHA", 2, "2010-02-10 10:00:00", "10.00", 201, "United Kingdom");
            staging.line(february, 3, "700002", "B2", "BETA", 1, "2010-02-10 10:00:00", "5.00", 201, "United Kingdom");
            staging.line(february, 4, "700003", "A1", "ALPHA", 1, "2010-02-11 09:00:00", "10.00", 202, "France");
            assertSameAsFullRebuild(c, engine.dialect(), staging, february, "the first file");

            long march = staging.batch("day-03.csv", 3);
            staging.line(march, 2, "700004", "B2", "BETA", 3, "2010-03-01 10:00:00", "5.00", 201, "United Kingdom");
            staging.line(march, 3, "700004", "C3", "GAMMA", 1, "2010-03-01 10:00:00", "2.50", 201, "United Kingdom");
            staging.line(march, 4, "C700005", "A1", "ALPHA", -1, "2010-03-02 11:00:00", "10.00", 202, "France");
            assertSameAsFullRebuild(c, engine.dialect(), staging, march, "a cancellation of an earlier file's sale");
            assertEquals(List.of("700003|10.000|0.000"), rows(c, "SELECT invoice_no, revenue, net_revenue"
                    + " FROM mart.invoice_summary WHERE invoice_no = '700003'"),
                    "the cancellation nets the first file's sale: its invoice is a key the batch touched");

            long january = staging.batch("day-01.csv", 3);
            staging.line(january, 2, "700001", "A1", "OLD ALPHA", 1, "2010-01-05 10:00:00", "10.00", 201, "Germany");
            staging.line(january, 3, "700002", "C3", "GAMMA", 4, "2010-02-10 10:00:00", "2.50", 201, "United Kingdom");
            staging.line(january, 4, "700003", "A1", "ALPHA", 1, "2010-02-11 09:00:00", "10.00", 202, "France");
            assertSameAsFullRebuild(c, engine.dialect(), staging, january, "a late file");
            assertEquals(List.of("2010-01-01|1", "2010-02-01|1", "2010-03-01|0"), rows(c, "SELECT month_start,"
                    + " new_customers FROM mart.monthly_summary ORDER BY month_start"),
                    "January is customer 201's first month now, no longer February");
            assertEquals(List.of("700002|3|3"), rows(c, "SELECT invoice_no, line_count, product_count"
                    + " FROM mart.invoice_summary WHERE invoice_no = '700002'"), "the invoice that gained a line");
            assertEquals(List.of("ALPHA"), rows(c, "SELECT description FROM mart.product_summary WHERE stock_code = 'A1'"),
                    "a late file leaves the description of a later line");

            long later = staging.batch("day-04.csv", 1);
            staging.line(later, 2, "700006", "A1", "NEW ALPHA", 5, "2010-03-05 10:00:00", "10.00", 203, "United Kingdom");
            assertSameAsFullRebuild(c, engine.dialect(), staging, later, "a new customer");
            assertEquals(List.of("NEW ALPHA"), rows(c, "SELECT description FROM mart.product_summary WHERE stock_code = 'A1'"),
                    "the latest line's description");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void aBatchLeavesTheRowsOfKeysItDidNotTouch(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            StagingFixture staging = new StagingFixture(c, engine.dialect());
            long first = staging.batch("day-1.csv", 1);
            staging.line(first, 2, "800001", "A1", "ALPHA", 2, "2010-02-10 10:00:00", "10.00", 301, "United Kingdom");
            staging.process(first);
            // A row no sale explains: a batch that touches neither this product nor this customer keeps it.
            execute(c, "INSERT INTO mart.product_summary VALUES ('ZZ', 'UNTOUCHED', 1, 1, 1, 1,"
                    + " '2010-01-01 00:00:00', '2010-01-01 00:00:00', 1, 1)");
            execute(c, "UPDATE mart.customer_summary SET orders = 99 WHERE customer_id = 301");

            long second = staging.batch("day-2.csv", 1);
            staging.line(second, 2, "800002", "B2", "BETA", 1, "2010-02-11 10:00:00", "5.00", 302, "France");
            staging.process(second);
            assertEquals(List.of("ZZ|UNTOUCHED"), rows(c, "SELECT stock_code, description FROM mart.product_summary"
                    + " WHERE stock_code = 'ZZ'"));
            assertEquals(List.of("99"), rows(c, "SELECT orders FROM mart.customer_summary WHERE customer_id = 301"));
            assertEquals(List.of("1"), rows(c, "SELECT orders FROM mart.customer_summary WHERE customer_id = 302"));

            call(c, engine.dialect(), "mart.refresh_summaries");
            assertEquals(List.of(), rows(c, "SELECT stock_code FROM mart.product_summary WHERE stock_code = 'ZZ'"),
                    "the full rebuild repairs");
            assertEquals(List.of("1"), rows(c, "SELECT orders FROM mart.customer_summary WHERE customer_id = 301"));
        }
    }

    /** Processes the batch (summaries of its keys), then checks a full rebuild changes no summary row. */
    private static void assertSameAsFullRebuild(Connection c, Dialect dialect, StagingFixture staging, long batch,
                                                String what) throws SQLException {
        staging.process(batch);
        Map<String, List<String>> incremental = summariesExcept(c, null);
        call(c, dialect, "mart.refresh_summaries");
        Map<String, List<String>> full = summariesExcept(c, null);
        assertTrue(full.get("mart.invoice_summary").size() > 0, what + ": no summaries to compare");
        assertEquals(full, incremental, what + ": the batch's refresh against the full rebuild");
    }
}
