package org.ecom.db.kpi;

import static org.ecom.db.Rows.rows;
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
 * The kpi.* reporting views on the hand-made year of {@link StagingFixture#year}, whose every
 * figure is worked out by hand below.
 */
@DatabaseTest
class KpiContractTest {

    /** A fresh database of the engine holding the year, processed as the loader does. */
    static Connection loaded(ContractEngines.Engine engine) throws SQLException {
        Connection c = engine.freshConnection();
        new StagingFixture(c, engine.dialect()).year();
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void monthlyRevenueComparesWholeMonthsOnly(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = loaded(engine)) {
            // month | revenue | orders | active | aov | mom % | yoy % | partial
            // Jan 2010 starts on the 4th: partial, so no growth from it (Feb mom, Jan 2011 yoy).
            // Feb 2010 aov 400 / 3 = 133.33. Mar 2010 mom (500 - 400) / 400 = +25 %.
            // Jun 2010 and Jan 2011 follow a month without sales: no mom.
            // Feb 2011: mom (360 - 240) / 240 = +50 %, yoy against Feb 2010 (360 - 400) / 400 = -10 %.
            // Mar 2011 ends on the 9th: partial, no growth although March 2010 exists.
            assertEquals(List.of(
                    "2010-01-01|190.000|3|3|63.33|null|null|true",
                    "2010-02-01|400.000|3|2|133.33|null|null|false",
                    "2010-03-01|500.000|2|2|250.00|25.00|null|false",
                    "2010-06-01|300.000|1|1|300.00|null|null|false",
                    "2011-01-01|240.000|2|2|120.00|null|null|false",
                    "2011-02-01|360.000|2|2|180.00|50.00|-10.00|false",
                    "2011-03-01|100.000|2|2|50.00|null|null|true"),
                    rows(c, "SELECT month_start, revenue, orders, active_customers, avg_order_value, mom_growth_pct,"
                            + " yoy_growth_pct, is_partial FROM kpi.monthly_revenue ORDER BY month_start"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void countryRevenueSharesAddUpToOne(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = loaded(engine)) {
            // UK: 101 (100 + 200 + 80 + 300 + 250 = 930), 102 (110), 104 (440), 106 (70) = 1550 in 9 invoices.
            // France: 103 (120 + 150 + 30), 105 (90 + 110) = 500 in 5 invoices. Germany: 107, 40.
            // Shares of 2090: 1550/2090 = 0.7416267..., 500/2090 = 0.2392344..., 40/2090 = 0.0191387...
            // Cumulative: 0.741627, 2050/2090 = 0.9808612... -> 0.980861, 1.
            assertEquals(List.of(
                    "United Kingdom|1550.000|0.741627|1|0.741627|9|4",
                    "France|500.000|0.239234|2|0.980861|5|2",
                    "Germany|40.000|0.019139|3|1.000000|1|1"),
                    rows(c, "SELECT country_name, revenue, revenue_share, revenue_rank, cumulative_share, orders, customers"
                            + " FROM kpi.country_revenue ORDER BY revenue_rank"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void rfmScoresAgainstTheDayAfterTheLastSale(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = loaded(engine)) {
            // Reference date: the last sale, 9 March 2011, plus one day. Recency in days:
            //   107 (25 Jan 2010) 409, 102 (5 Mar 2010) 370, 104 (10 Mar 2010: the cancellation on the
            //   12th is no purchase) 365, 105 (5 Feb 2011) 33, 101 (20 Feb) 18, 106 (1 Mar) 9, 103 (9 Mar) 1.
            // NTILE(5) over 7 customers makes groups of 2, 2, 1, 1, 1; ties go by last purchase time
            // (r), by revenue then customer id (f), by customer id (m):
            //   r, worst first: [107, 102] 1, [104, 105] 2, 101 3, 106 4, 103 5
            //   f, (orders, revenue) 107:(1, 40) 106:(1, 70) 104:(1, 440) 102:(2, 110) 105:(2, 200) 103:3
            //      101:5 -> [107, 106] 1, [104, 102] 2, 105 3, 103 4, 101 5 (104 has one order, like 107
            //      and 106, yet scores 2: a tie split, the bigger spender first)
            //   m, spend 107:40 106:70 102:110 105:200 103:300 104:440 101:930 -> [107, 106] 1,
            //      [102, 105] 2, 103 3, 104 4, 101 5
            assertEquals(List.of(
                    "101|18|5|930.000|3|5|5|355|2011-03-10",
                    "102|370|2|110.000|1|2|2|122|2011-03-10",
                    "103|1|3|300.000|5|4|3|543|2011-03-10",
                    "104|365|1|440.000|2|2|4|224|2011-03-10",
                    "105|33|2|200.000|2|3|2|232|2011-03-10",
                    "106|9|1|70.000|4|1|1|411|2011-03-10",
                    "107|409|1|40.000|1|1|1|111|2011-03-10"),
                    rows(c, "SELECT customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_score,"
                            + " reference_date FROM kpi.rfm ORDER BY customer_id"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void cohortRetentionCountsReturningCustomers(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = loaded(engine)) {
            // First months: 101, 102, 107 January 2010; 103 February; 104 March; 105 January 2011;
            // 106 March 2011. One row per cohort and month with sales from the cohort's month on.
            // January 2010 (3): Feb 101, Mar 102, Jun 101, Feb 2011 101 -> 1 of 3 = 33.33 %.
            assertEquals(List.of(
                    "2010-01-01|0|3|3|100.00",
                    "2010-01-01|1|1|3|33.33",
                    "2010-01-01|2|1|3|33.33",
                    "2010-01-01|5|1|3|33.33",
                    "2010-01-01|12|0|3|0.00",
                    "2010-01-01|13|1|3|33.33",
                    "2010-01-01|14|0|3|0.00",
                    // 103 comes back in January and March 2011.
                    "2010-02-01|0|1|1|100.00",
                    "2010-02-01|1|0|1|0.00",
                    "2010-02-01|4|0|1|0.00",
                    "2010-02-01|11|1|1|100.00",
                    "2010-02-01|12|0|1|0.00",
                    "2010-02-01|13|1|1|100.00",
                    // 104 never comes back.
                    "2010-03-01|0|1|1|100.00",
                    "2010-03-01|3|0|1|0.00",
                    "2010-03-01|10|0|1|0.00",
                    "2010-03-01|11|0|1|0.00",
                    "2010-03-01|12|0|1|0.00",
                    // 105 buys again in February 2011.
                    "2011-01-01|0|1|1|100.00",
                    "2011-01-01|1|1|1|100.00",
                    "2011-01-01|2|0|1|0.00",
                    "2011-03-01|0|1|1|100.00"),
                    rows(c, "SELECT cohort_month, months_since, active_customers, cohort_size, retention_pct"
                            + " FROM kpi.cohort_retention ORDER BY cohort_month, months_since"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void customerLifetimeValueFollowsTheDocumentedFormula(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = loaded(engine)) {
            assertEquals("0.2500|3.00", rows(c, "SELECT margin, horizon_years FROM kpi.clv_assumptions").get(0));
            // Reference date: the day after the last purchase, 10 March 2011.
            // 101: first purchase 4 Jan 2010, last 20 Feb 2011: lifespan 365 + 31 + 16 = 412 days;
            //   tenure to 10 Mar 2011 = 365 + 31 + 28 + 6 = 430 days; 5 orders, 930.00.
            //   avg order value 930 / 5 = 186.00
            //   purchase frequency 5 * 30.4375 / 430 = 152.1875 / 430 = 0.35392 orders a month
            //   predictive = 930 * 30.4375 * 12 * 3 * 0.25 / 430 = 254761.875 / 430 = 592.469... -> 592.47
            // 106: one order of 70.00 on 1 Mar 2011, tenure 9 days, counted as one month:
            //   1 order a month, 70 * 12 * 3 * 0.25 = 630.00 (the caveat on recent customers).
            // 107: one order of 40.00 on 25 Jan 2010, tenure 365 + 44 = 409 days:
            //   frequency 30.4375 / 409 = 0.07442; predictive 40 * 30.4375 * 9 / 409 = 26.79
            assertEquals(List.of(
                    "101|United Kingdom|5|930.00|186.00|0.3539|412|430|930.00|592.47",
                    "106|United Kingdom|1|70.00|70.00|1.0000|0|9|70.00|630.00",
                    "107|Germany|1|40.00|40.00|0.0744|0|409|40.00|26.79"),
                    rows(c, "SELECT customer_id, country_name, orders, revenue, avg_order_value, purchase_frequency,"
                            + " lifespan_days, tenure_days, historic_clv, predictive_clv FROM kpi.customer_lifetime_value"
                            + " WHERE customer_id IN (101, 106, 107) ORDER BY customer_id"));
            assertEquals("2010-01-04 10:00:00|2011-02-20 10:00:00", rows(c, "SELECT first_purchase_at, last_purchase_at"
                    + " FROM kpi.customer_lifetime_value WHERE customer_id = 101").get(0).replace(".0", ""));
            // 104: C500009 takes back 4 of 500008's 40 LIGHT: gross 440.00, net 400.00, and the value
            // figures are net (avg order value 400 / 1).
            assertEquals("440.00|400.00|400.00|400.00", rows(c, "SELECT revenue, net_revenue, historic_clv, avg_order_value"
                    + " FROM kpi.customer_lifetime_value WHERE customer_id = 104").get(0));
            assertEquals("7|2050.00|2090.00", rows(c, "SELECT COUNT(*), SUM(historic_clv), SUM(revenue)"
                    + " FROM kpi.customer_lifetime_value").get(0));
        }
    }
}
