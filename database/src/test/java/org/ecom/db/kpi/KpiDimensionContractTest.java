package org.ecom.db.kpi;

import static org.ecom.db.Rows.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTest;
import org.ecom.db.Dialect;
import org.ecom.db.StagingFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The views the Power BI model adds to kpi: its date dimension, its sales fact and the manager to
 * country list of its row-level security, on the hand-made year of {@link StagingFixture#year}
 * (January 2010, partial, to March 2011, partial; no sales in April, May, July to December 2010).
 */
@DatabaseTest
class KpiDimensionContractTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void calendarRunsFromTheFirstMonthToAYearAfterTheLast(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = KpiContractTest.loaded(engine)) {
            // January 2010 to March 2011 is 15 months, plus 12 for the forecast: 27 rows, no gap.
            assertEquals(List.of("27|2010-01-01|2012-03-01|7"),
                    rows(c, "SELECT COUNT(*), MIN(month_start), MAX(month_start),"
                            + " SUM(CASE WHEN has_sales = " + trueLiteral(engine) + " THEN 1 ELSE 0 END)"
                            + " FROM kpi.calendar_month"));
            assertEquals(List.of(
                    "2010-01-01|2010|1|1|2010-01|true|true",
                    "2010-04-01|2010|2|4|2010-04|false|false",
                    "2010-06-01|2010|2|6|2010-06|true|false",
                    "2011-03-01|2011|1|3|2011-03|true|true",
                    "2011-12-01|2011|4|12|2011-12|false|false"),
                    rows(c, "SELECT month_start, calendar_year, quarter_number, month_number,"
                            + " month_label, has_sales, is_partial FROM kpi.calendar_month"
                            + " WHERE month_start IN ('2010-01-01', '2010-04-01', '2010-06-01', '2011-03-01', '2011-12-01')"
                            + " ORDER BY month_start"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void customerMonthSalesAddUpToTheMonthlyRevenue(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = KpiContractTest.loaded(engine)) {
            // February 2010: customer 101 bought twice in the UK (200 + 80), 103 once in France (120).
            assertEquals(List.of(
                    "101|United Kingdom|2|280.000|28",
                    "103|France|1|120.000|12"),
                    rows(c, "SELECT customer_id, country_name, orders, revenue, quantity"
                            + " FROM kpi.customer_month_sales WHERE month_start = '2010-02-01' ORDER BY customer_id"));
            // Every month: the sum of revenue and orders, and the distinct customers, are kpi.monthly_revenue's.
            assertEquals(
                    rows(c, "SELECT month_start, revenue, orders, active_customers"
                            + " FROM kpi.monthly_revenue ORDER BY month_start"),
                    rows(c, "SELECT month_start, SUM(revenue), SUM(orders), COUNT(DISTINCT customer_id)"
                            + " FROM kpi.customer_month_sales GROUP BY month_start ORDER BY month_start"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void everyCountryHasOneRegionalManagerAtMost(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = KpiContractTest.loaded(engine)) {
            assertEquals(List.of(), rows(c, "SELECT country_name FROM kpi.regional_manager_country"
                    + " GROUP BY country_name HAVING COUNT(*) > 1"));
            // Power BI compares with USERPRINCIPALNAME() as it is: the list keeps addresses in lower case.
            List<String> emails = rows(c, "SELECT DISTINCT manager_email FROM kpi.regional_manager_country");
            assertTrue(emails.stream().allMatch(e -> e.equals(e.toLowerCase(java.util.Locale.ROOT))), emails.toString());
            // The countries of the fixture that have a manager are spelled as in sales.country.
            assertEquals(List.of("France", "Germany", "United Kingdom"),
                    rows(c, "SELECT m.country_name FROM kpi.regional_manager_country AS m"
                            + " JOIN sales.country AS s ON s.country_name = m.country_name ORDER BY m.country_name"));
        }
    }

    private static String trueLiteral(ContractEngines.Engine engine) {
        return engine.dialect() == Dialect.POSTGRESQL ? "true" : "1";
    }
}
