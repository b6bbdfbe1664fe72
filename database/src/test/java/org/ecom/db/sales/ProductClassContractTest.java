package org.ecom.db.sales;

import static org.ecom.db.Rows.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.ecom.db.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The product rule: sales.product_class classes every product by the rules of
 * sales.non_product_rule, exact codes and prefixes, case counting; Power BI's role reads it and the
 * basket pairs leave non-products out.
 */
@DatabaseTest
class ProductClassContractTest {

    /**
     * The products, written straight into sales.product: the view reads nothing else, and codes that
     * differ only in case ('M', 'm', 'post') must stay apart.
     */
    private static final List<String> CODES = List.of("85048", "POST", "POSTX", "post", "DOT", "M", "m",
            "gift_0001_20", "TEST001", "ADJUST2", "BANK CHARGES", "DCGS0058", "PADS");

    private static void stage(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sales.product (stock_code, description) VALUES (?, ?)")) {
            for (String code : CODES) {
                s.setString(1, code);
                s.setString(2, "ITEM " + code);
                s.executeUpdate();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void everyProductIsClassedByTheRules(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            stage(c);
            assertEquals(List.of(
                    "85048|true|product",
                    "ADJUST2|false|adjustment",
                    "BANK CHARGES|false|fee",
                    "DCGS0058|true|product",
                    "DOT|false|postage",
                    "M|false|manual",
                    "PADS|false|placeholder",
                    "POST|false|postage",
                    "POSTX|true|product",
                    "TEST001|false|test",
                    "gift_0001_20|false|voucher",
                    "m|false|manual",
                    "post|true|product"),
                    rows(c, "SELECT stock_code, is_product, product_category FROM sales.product_class"
                            + " ORDER BY stock_code COLLATE " + binary(engine)));
            assertEquals(List.of(String.valueOf(CODES.size())), rows(c, "SELECT COUNT(*) FROM sales.product_class"),
                    "one row per product");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void anExactRuleWinsOverAPrefixAndANewRuleTakesEffect(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection(); Statement s = c.createStatement()) {
            stage(c);
            // The rules are reference data, kept between tests: this test removes the ones it adds.
            try {
                s.executeUpdate("INSERT INTO sales.non_product_rule (pattern, match_kind, product_category, reason)"
                        + " VALUES ('POS', 'prefix', 'carriage', 'test rule'), ('TEST001', 'exact', 'sample', 'test rule')");
                assertEquals(List.of("POST|false|postage", "POSTX|false|carriage", "TEST001|false|sample"),
                        rows(c, "SELECT stock_code, is_product, product_category FROM sales.product_class"
                                + " WHERE stock_code IN ('POST', 'POSTX', 'TEST001') ORDER BY stock_code"));
            } finally {
                s.executeUpdate("DELETE FROM sales.non_product_rule WHERE reason = 'test rule'");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void theReaderRoleReadsTheClassAndTheRulesButNotTheProducts(ContractEngines.Engine engine) throws SQLException {
        DatabaseTarget database = engine.freshDatabase();
        try (Connection owner = engine.connect(database)) {
            stage(owner);
        }
        try (Connection c = engine.connectAs(database, "analytics_reader"); Statement s = c.createStatement()) {
            assertEquals(List.of("4"), rows(c, "SELECT COUNT(*) FROM sales.product_class WHERE is_product = "
                    + (engine.dialect() == Dialect.MSSQL ? "1" : "TRUE")));
            assertEquals(List.of("15"), rows(c, "SELECT COUNT(*) FROM sales.non_product_rule"));
            assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM sales.product").close());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void basketPairsLeaveNonProductsOut(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection(); Statement s = c.createStatement()) {
            stage(c);
            s.executeUpdate("INSERT INTO mart.product_pair VALUES ('85048', 'POST', 2, 2, 2, 0.5, 1, 1, 1),"
                    + " ('85048', 'DCGS0058', 2, 2, 2, 0.5, 1, 1, 1)");
            assertEquals(List.of("85048|DCGS0058"),
                    rows(c, "SELECT stock_code_a, stock_code_b FROM analysis.q11_product_pairs(0)"));
        }
    }

    /** A binary collation, so that upper case sorts before lower case on both engines. */
    private static String binary(ContractEngines.Engine engine) {
        return engine.dialect() == Dialect.MSSQL ? "Latin1_General_100_BIN2" : "\"C\"";
    }
}
