package org.ecom.db.mart;

import static org.ecom.db.Rows.rows;
import static org.ecom.db.Rows.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ecom.db.BabelfishGap;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.ecom.db.Dialect;
import org.ecom.db.StagingFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parts of mart.refresh_summaries, one procedure per summary table, each called on its own with
 * no batch (the full rebuild) on hand-made sales rows (and hand-made rows of the summaries it
 * reads), then the whole. IncrementalRefreshContractTest covers the refresh of a batch's keys. Every
 * expected row is worked out by hand below.
 *
 * <pre>
 * products  A1 ALPHA 10.00 | B2 BETA 5.00 | C3 GAMMA 2.50
 * customers 101 United Kingdom | 102 France
 *
 * invoice  date              cust country lines          revenue qty
 * 600001   2010-01-04 10:00  101  UK      A1x2 B2x1        25     3
 * 600002   2010-02-10 11:00  101  UK      A1x1 B2x3        25     4
 * C600005  2010-02-11 09:30  101  UK      A1x-1           -10    (a cancellation: in no sales figure; written
 *                                                               without sales.match_returns, so net = gross)
 * 600003   2010-02-15 12:00  102  France  A1x1 B2x1 C3x2   20     4
 * 600004   2010-02-28 09:00  102  UK      C3x10            25    10
 *
 * months: January 25 (101, new), partial: the data starts on the 4th; February 70 (101, 102;
 *         102 new), whole: the data ends on the 28th
 * baskets: 4 invoices; A1 in 3, B2 in 3, C3 in 2 (all >= max(2, 1% of 4)); A1-B2 together in 3,
 *          A1-C3 and B2-C3 in 1 only, under max(2, 0.1% of 4)
 * </pre>
 */
@DatabaseTest
class MartRefreshContractTest {

    /** One part: the procedure, the table it rebuilds, the hand-made tables it reads, a row to replace. */
    record Part(String procedure, String table, String orderBy, List<String> reads, String staleRow) {
        @Override
        public String toString() {
            return procedure;
        }
    }

    /** In the order mart.refresh_summaries calls them. */
    static final List<Part> PARTS = List.of(
            new Part("mart.refresh_invoice_summary", "mart.invoice_summary", "invoice_no", List.of(),
                    "('STALE', 999, %1$d, '1999-01-01 00:00:00', '1999-01-01', 1, 1, 1, 1, 1, 1)"),
            new Part("mart.refresh_customer_month", "mart.customer_month", "customer_id, month_start",
                    List.of("mart.invoice_summary"), "(999, '1999-01-01', 1, 1, 1)"),
            new Part("mart.refresh_customer_country_month", "mart.customer_country_month",
                    "month_start, customer_id, country_id", List.of("mart.invoice_summary"),
                    "(999, '1999-01-01', %1$d, 1, 1, 1, 1)"),
            new Part("mart.refresh_customer_summary", "mart.customer_summary", "customer_id",
                    List.of("mart.invoice_summary"),
                    "(999, %1$d, '1999-01-01 00:00:00', '1999-01-01 00:00:00', 1, 1, 1, 1, 1, 0, 0, 1)"),
            new Part("mart.refresh_product_summary", "mart.product_summary", "stock_code", List.of(),
                    "('STALE', 'STALE', 1, 1, 1, 1, '1999-01-01 00:00:00', '1999-01-01 00:00:00', 1, 1)"),
            new Part("mart.refresh_monthly_summary", "mart.monthly_summary", "month_start",
                    List.of("mart.invoice_summary", "mart.customer_month", "mart.customer_country_month"),
                    "('1999-01-01', 1, 1, 1, 1, 1, %2$s, 1)"),
            new Part("mart.refresh_country_summary", "mart.country_summary", "country_id",
                    List.of("mart.invoice_summary", "mart.customer_country_month"), "(%1$d, 'STALE', 1, 1, 1, 1)"),
            new Part("mart.refresh_product_pair", "mart.product_pair", "stock_code_a, stock_code_b",
                    List.of("mart.invoice_summary"), "('STALE', 'STALE2', 1, 1, 1, 1, 1, 1, 1)"));

    /** The fixture's sales, and the ids their countries got (identity: the United Kingdom's is lower). */
    record Sales(int uk, int france) {

        static Sales insert(Connection c, Dialect dialect) throws SQLException {
            long batch = new StagingFixture(c, dialect).batch("mart-refresh.csv", 9);
            int uk = country(c, "United Kingdom");
            int france = country(c, "France");
            execute(c, "INSERT INTO sales.customer (customer_id, country_id) VALUES (101, " + uk + "), (102, " + france + ")");
            execute(c, "INSERT INTO sales.product (stock_code, description) VALUES ('A1', 'ALPHA'), ('B2', 'BETA'),"
                    + " ('C3', 'GAMMA')");
            invoice(c, batch, "600001", 101, uk, "2010-01-04 10:00:00", false);
            invoice(c, batch, "600002", 101, uk, "2010-02-10 11:00:00", false);
            invoice(c, batch, "C600005", 101, uk, "2010-02-11 09:30:00", true);
            invoice(c, batch, "600003", 102, france, "2010-02-15 12:00:00", false);
            invoice(c, batch, "600004", 102, uk, "2010-02-28 09:00:00", false);
            execute(c, "INSERT INTO sales.invoice_line (invoice_no, stock_code, quantity, unit_price, batch_id,"
                    + " source_line_number) VALUES"
                    + " ('600001', 'A1', 2, 10.000, " + batch + ", 1), ('600001', 'B2', 1, 5.000, " + batch + ", 2),"
                    + " ('600002', 'A1', 1, 10.000, " + batch + ", 3), ('600002', 'B2', 3, 5.000, " + batch + ", 4),"
                    + " ('600003', 'A1', 1, 10.000, " + batch + ", 6), ('600003', 'B2', 1, 5.000, " + batch + ", 7),"
                    + " ('600003', 'C3', 2, 2.500, " + batch + ", 8), ('600004', 'C3', 10, 2.500, " + batch + ", 9)");
            execute(c, "INSERT INTO sales.cancellation_line (invoice_no, stock_code, quantity, unit_price, batch_id,"
                    + " source_line_number) VALUES ('C600005', 'A1', -1, 10.000, " + batch + ", 5)");
            return new Sales(uk, france);
        }

        /** The rows each summary table holds after its part, ordered as {@link Part#orderBy}. */
        Map<String, List<String>> expected() {
            Map<String, List<String>> tables = new LinkedHashMap<>();
            tables.put("mart.invoice_summary", List.of(
                    "600001|101|" + uk + "|2010-01-04 10:00:00|2010-01-01|25.000|3|2|2|25.000|3",
                    "600002|101|" + uk + "|2010-02-10 11:00:00|2010-02-01|25.000|4|2|2|25.000|4",
                    "600003|102|" + france + "|2010-02-15 12:00:00|2010-02-01|20.000|4|3|3|20.000|4",
                    "600004|102|" + uk + "|2010-02-28 09:00:00|2010-02-01|25.000|10|1|1|25.000|10"));
            tables.put("mart.customer_month", List.of(
                    "101|2010-01-01|25.000|1|25.000",
                    "101|2010-02-01|25.000|1|25.000",
                    "102|2010-02-01|45.000|2|45.000"));
            // 102 bought in the UK and in France in February.
            tables.put("mart.customer_country_month", List.of(
                    "101|2010-01-01|" + uk + "|1|25.000|3|25.000",
                    "101|2010-02-01|" + uk + "|1|25.000|4|25.000",
                    "102|2010-02-01|" + uk + "|1|25.000|10|25.000",
                    "102|2010-02-01|" + france + "|1|20.000|4|20.000"));
            // 101 cancelled one order, -10.00; 102 none. Customers' countries are sales.customer's.
            tables.put("mart.customer_summary", List.of(
                    "101|" + uk + "|2010-01-04 10:00:00|2010-02-10 11:00:00|2|50.000|7|2|2|1|-10.000|50.000",
                    "102|" + france + "|2010-02-15 12:00:00|2010-02-28 09:00:00|2|45.000|14|3|2|0|0.000|45.000"));
            tables.put("mart.product_summary", List.of(
                    "A1|ALPHA|40.000|4|3|2|2010-01-04 10:00:00|2010-02-15 12:00:00|40.000|4",
                    "B2|BETA|25.000|5|3|2|2010-01-04 10:00:00|2010-02-15 12:00:00|25.000|5",
                    "C3|GAMMA|30.000|12|2|1|2010-02-15 12:00:00|2010-02-28 09:00:00|30.000|12"));
            tables.put("mart.monthly_summary", List.of(
                    "2010-01-01|25.000|1|1|1|3|true|25.000",
                    "2010-02-01|70.000|3|2|1|18|false|70.000"));
            // By the country of the invoice: 600004 counts for the UK.
            tables.put("mart.country_summary", List.of(
                    uk + "|United Kingdom|75.000|3|2|75.000",
                    france + "|France|20.000|1|1|20.000"));
            // Support 3/4, confidence 3/3 both ways, lift 3 x 4 / (3 x 3).
            tables.put("mart.product_pair", List.of("A1|B2|3|3|3|0.750000|1.000000|1.000000|1.3333"));
            return tables;
        }

        /** Writes the expected rows of a summary table by hand, as the input of the parts that read it. */
        void writeByHand(Connection c, String table) throws SQLException {
            String values = switch (table) {
                case "mart.invoice_summary" -> "('600001', 101, " + uk + ", '2010-01-04 10:00:00', '2010-01-01', 25, 3, 2, 2, 25, 3),"
                        + " ('600002', 101, " + uk + ", '2010-02-10 11:00:00', '2010-02-01', 25, 4, 2, 2, 25, 4),"
                        + " ('600003', 102, " + france + ", '2010-02-15 12:00:00', '2010-02-01', 20, 4, 3, 3, 20, 4),"
                        + " ('600004', 102, " + uk + ", '2010-02-28 09:00:00', '2010-02-01', 25, 10, 1, 1, 25, 10)";
                case "mart.customer_month" -> "(101, '2010-01-01', 25, 1, 25), (101, '2010-02-01', 25, 1, 25),"
                        + " (102, '2010-02-01', 45, 2, 45)";
                case "mart.customer_country_month" -> "(101, '2010-01-01', " + uk + ", 1, 25, 3, 25),"
                        + " (101, '2010-02-01', " + uk + ", 1, 25, 4, 25), (102, '2010-02-01', " + uk + ", 1, 25, 10, 25),"
                        + " (102, '2010-02-01', " + france + ", 1, 20, 4, 20)";
                default -> throw new IllegalArgumentException("no hand-made rows for " + table);
            };
            execute(c, "INSERT INTO " + table + " VALUES " + values);
            assertEquals(expected().get(table), table(c, table), "the hand-made rows of " + table);
        }

        private static int country(Connection c, String name) throws SQLException {
            execute(c, "INSERT INTO sales.country (country_name) VALUES ('" + name + "')");
            return Integer.parseInt(scalar(c,
                    "SELECT country_id FROM sales.country WHERE country_name = '" + name + "'"));
        }

        private static void invoice(Connection c, long batch, String invoiceNo, int customer, int country, String date,
                                    boolean cancellation) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sales.invoice (invoice_no, customer_id,"
                    + " country_id, invoice_date, is_cancellation, batch_id) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, invoiceNo);
                s.setInt(2, customer);
                s.setInt(3, country);
                s.setTimestamp(4, Timestamp.valueOf(date));
                s.setBoolean(5, cancellation);
                s.setLong(6, batch);
                s.executeUpdate();
            }
        }
    }

    static Stream<Arguments> enginesAndParts() {
        return ContractEngines.all().flatMap(engine -> PARTS.stream().map(part -> Arguments.of(engine, part)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndParts")
    void eachPartRebuildsItsTableWholeTwiceTheSameAndNoOtherTable(ContractEngines.Engine engine, Part part)
            throws SQLException {
        try (Connection c = engine.freshConnection()) {
            Sales sales = Sales.insert(c, engine.dialect());
            for (String input : part.reads()) {
                sales.writeByHand(c, input);
            }
            execute(c, "INSERT INTO " + part.table() + " VALUES "
                    + String.format(part.staleRow(), sales.uk(), engine.dialect() == Dialect.MSSQL ? "1" : "true"));
            Map<String, List<String>> others = summariesExcept(c, part);

            call(c, engine.dialect(), part.procedure());
            assertEquals(sales.expected().get(part.table()), table(c, part.table()), part.table() + ", stale row gone");
            call(c, engine.dialect(), part.procedure());
            assertEquals(sales.expected().get(part.table()), table(c, part.table()), part.table() + " after a second run");

            assertEquals(others, summariesExcept(c, part), part.procedure() + " changed only " + part.table());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void theSummariesAreTheirPartsRunInDependencyOrder(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            Sales sales = Sales.insert(c, engine.dialect());
            for (Part part : PARTS) {
                call(c, engine.dialect(), part.procedure());
            }
            Map<String, List<String>> parts = summariesExcept(c, null);
            assertEquals(sales.expected(), parts, "the parts one after the other, from the sales alone");

            for (Part part : PARTS) {
                execute(c, "DELETE FROM " + part.table());
            }
            call(c, engine.dialect(), "mart.refresh_summaries");
            assertEquals(parts, summariesExcept(c, null), "mart.refresh_summaries from empty summaries");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void theSummariesCommitOnlyWithTheLoadThatRunsThem(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            Sales sales = Sales.insert(c, engine.dialect());
            c.setAutoCommit(false);
            call(c, engine.dialect(), "mart.refresh_summaries");
            assertEquals(sales.expected().get("mart.product_pair"), table(c, "mart.product_pair"));
            c.rollback();
            c.setAutoCommit(true);

            for (Part part : PARTS) {
                assertEquals(List.of(), table(c, part.table()), part.procedure() + " committed on its own");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    @BabelfishGap("ownership chaining")
    void theLoaderRunsTheSummariesButNoPartOnItsOwn(ContractEngines.Engine engine) throws SQLException {
        DatabaseTarget database = engine.freshDatabase();
        try (Connection owner = engine.connect(database); Connection loader = engine.connectAs(database, "etl_loader")) {
            Sales sales = Sales.insert(owner, engine.dialect());
            for (Part part : PARTS) {
                assertThrows(SQLException.class, () -> call(loader, engine.dialect(), part.procedure()),
                        part.procedure());
            }
            call(loader, engine.dialect(), "mart.refresh_summaries");
            assertEquals(sales.expected(), summariesExcept(owner, null));
        }
    }

    /** A summary table's rows, in its {@link Part#orderBy} order. */
    private static List<String> table(Connection c, String table) throws SQLException {
        Part part = PARTS.stream().filter(p -> p.table().equals(table)).findFirst().orElseThrow();
        return rows(c, "SELECT * FROM " + table + " ORDER BY " + part.orderBy());
    }

    /** Every summary table but {@code except}'s (null: all of them), by name. */
    static Map<String, List<String>> summariesExcept(Connection c, Part except) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (Part part : PARTS) {
            if (part != except) {
                tables.put(part.table(), table(c, part.table()));
            }
        }
        return tables;
    }

    static void call(Connection c, Dialect dialect, String procedure) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(dialect.callStatement(procedure, 0))) {
            s.execute();
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
