-- tSQLt test class for the analysis schema: the twelve business queries
-- (q01..q12 views and inline functions) on faked mart tables holding the
-- summaries of AnalysisContractTest's fixture, so both suites check the same
-- hand-worked figures. analysis.q09_* read kpi.rfm, a view: it is left real
-- and reads the faked mart.customer_summary.
-- Not deployed by Liquibase: `./ecom test-db` installs and runs it.
--
-- products  A1 ALPHA MUG 10.00 | B2 BETA SAUCER 5.00 | C3 GAMMA CANDLE 2.00 | D4 DELTA LAMP 20.00
-- countries 1 United Kingdom (customers 101 102 103) | 2 France (104 105) | 3 Germany (106)
-- invoice date        cust lines                      revenue qty
-- 500001  2011-01-01  101  A1x2 B2x2                   30     4
-- 500002  2011-01-10  102  D4x1                        20     1
-- 500003  2011-02-05  101  A1x1 B2x1 C3x5              25     7
-- 500004  2011-02-10  103  C3x10                       20    10
-- 500005  2011-02-20  103  A1x3                        30     3
-- 500006  2011-02-25  104  A1x1 B2x2                   20     3
-- 500007  2011-03-03  101  D4x2                        40     2
-- 500008  2011-03-15  102  A1x1 B2x1                   15     2
-- 500009  2011-03-20  105  C3x5 D4x1                   30     6
-- 500010  2011-04-01  101  B2x4                        20     4
-- 500011  2011-04-05  101  A1x10                      100    10
-- 500012  2011-04-08  102  C3x1 D4x1                   22     2
-- 500013  2011-04-12  104  A1x2 B2x1 D4x1              45     4
-- 500014  2011-04-15  106  B2x1                         5     1
--                                                     422    59
-- All at 10:00. April is partial: the data ends on the 15th.
EXEC tSQLt.NewTestClass 'analysis_tests';
GO

-- Runs before each test: the mart tables, faked, hold the summaries of the fixture above.
CREATE OR ALTER PROCEDURE analysis_tests.SetUp
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'mart.invoice_summary';
    EXEC tSQLt.FakeTable @TableName = N'mart.customer_month';
    EXEC tSQLt.FakeTable @TableName = N'mart.customer_summary';
    EXEC tSQLt.FakeTable @TableName = N'mart.product_summary';
    EXEC tSQLt.FakeTable @TableName = N'mart.monthly_summary';
    EXEC tSQLt.FakeTable @TableName = N'mart.country_summary';
    EXEC tSQLt.FakeTable @TableName = N'mart.product_pair';

    INSERT INTO mart.invoice_summary
        (invoice_no, customer_id, country_id, invoice_date, month_start, revenue, quantity, line_count, product_count)
    VALUES ('500001', 101, 1, '2011-01-01T10:00:00', '2011-01-01', 30.000, 4, 2, 2),
           ('500002', 102, 1, '2011-01-10T10:00:00', '2011-01-01', 20.000, 1, 1, 1),
           ('500003', 101, 1, '2011-02-05T10:00:00', '2011-02-01', 25.000, 7, 3, 3),
           ('500004', 103, 1, '2011-02-10T10:00:00', '2011-02-01', 20.000, 10, 1, 1),
           ('500005', 103, 1, '2011-02-20T10:00:00', '2011-02-01', 30.000, 3, 1, 1),
           ('500006', 104, 2, '2011-02-25T10:00:00', '2011-02-01', 20.000, 3, 2, 2),
           ('500007', 101, 1, '2011-03-03T10:00:00', '2011-03-01', 40.000, 2, 1, 1),
           ('500008', 102, 1, '2011-03-15T10:00:00', '2011-03-01', 15.000, 2, 2, 2),
           ('500009', 105, 2, '2011-03-20T10:00:00', '2011-03-01', 30.000, 6, 2, 2),
           ('500010', 101, 1, '2011-04-01T10:00:00', '2011-04-01', 20.000, 4, 1, 1),
           ('500011', 101, 1, '2011-04-05T10:00:00', '2011-04-01', 100.000, 10, 1, 1),
           ('500012', 102, 1, '2011-04-08T10:00:00', '2011-04-01', 22.000, 2, 2, 2),
           ('500013', 104, 2, '2011-04-12T10:00:00', '2011-04-01', 45.000, 4, 3, 3),
           ('500014', 106, 3, '2011-04-15T10:00:00', '2011-04-01', 5.000, 1, 1, 1);

    INSERT INTO mart.customer_month (customer_id, month_start, revenue, orders)
    VALUES (101, '2011-01-01', 30.000, 1), (101, '2011-02-01', 25.000, 1), (101, '2011-03-01', 40.000, 1),
           (101, '2011-04-01', 120.000, 2),
           (102, '2011-01-01', 20.000, 1), (102, '2011-03-01', 15.000, 1), (102, '2011-04-01', 22.000, 1),
           (103, '2011-02-01', 50.000, 2),
           (104, '2011-02-01', 20.000, 1), (104, '2011-04-01', 45.000, 1),
           (105, '2011-03-01', 30.000, 1),
           (106, '2011-04-01', 5.000, 1);

    INSERT INTO mart.customer_summary
        (customer_id, country_id, first_purchase_at, last_purchase_at, orders, revenue, quantity,
         distinct_products, active_days, cancelled_orders, cancelled_revenue)
    VALUES (101, 1, '2011-01-01T10:00:00', '2011-04-05T10:00:00', 5, 215.000, 27, 4, 5, 0, 0.000),
           (102, 1, '2011-01-10T10:00:00', '2011-04-08T10:00:00', 3, 57.000, 5, 4, 3, 0, 0.000),
           (103, 1, '2011-02-10T10:00:00', '2011-02-20T10:00:00', 2, 50.000, 13, 2, 2, 0, 0.000),
           (104, 2, '2011-02-25T10:00:00', '2011-04-12T10:00:00', 2, 65.000, 7, 3, 2, 0, 0.000),
           (105, 2, '2011-03-20T10:00:00', '2011-03-20T10:00:00', 1, 30.000, 6, 2, 1, 0, 0.000),
           (106, 3, '2011-04-15T10:00:00', '2011-04-15T10:00:00', 1, 5.000, 1, 1, 1, 0, 0.000);

    INSERT INTO mart.product_summary (stock_code, description, revenue, quantity, orders, customers, first_sold_at, last_sold_at)
    VALUES ('A1', N'ALPHA MUG', 200.000, 20, 7, 4, '2011-01-01T10:00:00', '2011-04-12T10:00:00'),
           ('B2', N'BETA SAUCER', 60.000, 12, 7, 4, '2011-01-01T10:00:00', '2011-04-15T10:00:00'),
           ('C3', N'GAMMA CANDLE', 42.000, 21, 4, 4, '2011-02-05T10:00:00', '2011-04-08T10:00:00'),
           ('D4', N'DELTA LAMP', 120.000, 6, 5, 4, '2011-01-10T10:00:00', '2011-04-12T10:00:00');

    INSERT INTO mart.monthly_summary (month_start, revenue, orders, active_customers, new_customers, quantity, is_partial)
    VALUES ('2011-01-01', 50.000, 2, 2, 2, 5, 0),
           ('2011-02-01', 95.000, 4, 3, 2, 23, 0),
           ('2011-03-01', 85.000, 3, 3, 1, 10, 0),
           ('2011-04-01', 192.000, 5, 4, 1, 21, 1);

    INSERT INTO mart.country_summary (country_id, country_name, revenue, orders, customers)
    VALUES (1, N'United Kingdom', 322.000, 10, 3),
           (2, N'France', 95.000, 3, 2),
           (3, N'Germany', 5.000, 1, 1);

    INSERT INTO mart.product_pair
        (stock_code_a, stock_code_b, invoices_together, invoices_a, invoices_b,
         support, confidence_a_to_b, confidence_b_to_a, lift)
    VALUES ('A1', 'B2', 5, 7, 7, 0.357143, 0.714286, 0.714286, 1.4286),
           ('C3', 'D4', 2, 4, 5, 0.142857, 0.500000, 0.400000, 1.4000);
END;
GO

CREATE OR ALTER PROCEDURE analysis_tests.[test q01_total_sales sums the invoices of a half-open date range]
AS
BEGIN
    SELECT date_from, date_to, revenue, orders, customers, units
    INTO #actual
    FROM analysis.q01_total_sales('2011-01-01', '2011-05-01')
    UNION ALL SELECT date_from, date_to, revenue, orders, customers, units FROM analysis.q01_total_sales('2011-02-01', '2011-03-01')
    UNION ALL SELECT date_from, date_to, revenue, orders, customers, units FROM analysis.q01_total_sales('2011-01-01', '2011-01-10')
    UNION ALL SELECT date_from, date_to, revenue, orders, customers, units FROM analysis.q01_total_sales('2012-01-01', '2012-02-01');

    -- February: 500003-500006; 10 January (00:00) excludes 500002 (10:00);
    -- nothing sold in January 2012: one row of zeros.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (date_from, date_to, revenue, orders, customers, units)
    VALUES ('2011-01-01', '2011-05-01', 422.000, 14, 6, 59),
           ('2011-02-01', '2011-03-01', 95.000, 4, 3, 23),
           ('2011-01-01', '2011-01-10', 30.000, 1, 1, 4),
           ('2012-01-01', '2012-02-01', 0.000, 0, 0, 0);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE analysis_tests.[test q02_average_order_value gives the mean and the exact median]
AS
BEGIN
    SELECT date_from, orders, revenue, average_order_value, median_order_value
    INTO #actual
    FROM analysis.q02_average_order_value('2011-01-01', '2011-05-01')
    UNION ALL SELECT date_from, orders, revenue, average_order_value, median_order_value FROM analysis.q02_average_order_value('2011-02-01', '2011-03-01')
    UNION ALL SELECT date_from, orders, revenue, average_order_value, median_order_value FROM analysis.q02_average_order_value('2011-03-01', '2011-04-01')
    UNION ALL SELECT date_from, orders, revenue, average_order_value, median_order_value FROM analysis.q02_average_order_value('2012-01-01', '2012-02-01');

    -- All: 422 / 14 = 30.142...; sorted 5 15 20 20 20 20 22 | 25 30 30 30 40 45 100: (22 + 25) / 2.
    -- February 20 20 25 30: median (20 + 25) / 2. March 15 30 40: median 30. None: NULL.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (date_from, orders, revenue, average_order_value, median_order_value)
    VALUES ('2011-01-01', 14, 422.000, 30.14, 23.50),
           ('2011-02-01', 4, 95.000, 23.75, 22.50),
           ('2011-03-01', 3, 85.000, 28.33, 30.00),
           ('2012-01-01', 0, 0.000, NULL, NULL);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE analysis_tests.[test q03_active_customers_by_month splits active customers into new and returning]
AS
BEGIN
    SELECT month_start, active_customers, new_customers, returning_customers, orders, revenue, is_partial
    INTO #actual
    FROM analysis.q03_active_customers_by_month;

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (month_start, active_customers, new_customers, returning_customers, orders, revenue, is_partial)
    VALUES ('2011-01-01', 2, 2, 0, 2, 50.000, 0),
           ('2011-02-01', 3, 2, 1, 4, 95.000, 0),
           ('2011-03-01', 3, 1, 2, 3, 85.000, 0),
           ('2011-04-01', 4, 1, 3, 5, 192.000, 1);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE analysis_tests.[test q04_top_products ranks products by revenue and by units]
AS
BEGIN
    SELECT stock_code, description, revenue, quantity, orders, customers, revenue_rank, quantity_rank
    INTO #actual
    FROM analysis.q04_top_products;

    -- C3 brings the least revenue but sells the most units.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (stock_code, description, revenue, quantity, orders, customers, revenue_rank, quantity_rank)
    VALUES ('A1', N'ALPHA MUG', 200.000, 20, 7, 4, 1, 2),
           ('D4', N'DELTA LAMP', 120.000, 6, 5, 4, 2, 4),
           ('B2', N'BETA SAUCER', 60.000, 12, 7, 4, 3, 3),
           ('C3', N'GAMMA CANDLE', 42.000, 21, 4, 4, 4, 1);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE analysis_tests.[test q05_revenue_by_country shares and ranks the revenue of a date range]
AS
BEGIN
    SELECT date_from, country_name, revenue, orders, customers, average_order_value, revenue_share, revenue_rank
    INTO #actual
    FROM analysis.q05_revenue_by_country('2011-01-01', '2011-05-01')
    UNION ALL
    SELECT date_from, country_name, revenue, orders, customers, average_order_value, revenue_share, revenue_rank
    FROM analysis.q05_revenue_by_country('2011-04-01', '2011-05-01');

    -- All: 322 / 422 = 0.7630331..., 95 / 422 = 0.2251184..., 5 / 422 = 0.0118483...
    -- April: UK 20 + 100 + 22 = 142 (101, 102), France 45, Germany 5, of 192.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (date_from, country_name, revenue, orders, customers, average_order_value, revenue_share, revenue_rank)
    VALUES ('2011-01-01', N'United Kingdom', 322.000, 10, 3, 32.20, 0.763033, 1),
           ('2011-01-01', N'France', 95.000, 3, 2, 31.67, 0.225118, 2),
           ('2011-01-01', N'Germany', 5.000, 1, 1, 5.00, 0.011848, 3),
           ('2011-04-01', N'United Kingdom', 142.000, 3, 2, 47.33, 0.739583, 1),
           ('2011-04-01', N'France', 45.000, 1, 1, 45.00, 0.234375, 2),
           ('2011-04-01', N'Germany', 5.000, 1, 1, 5.00, 0.026042, 3);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE analysis_tests.[test q06_orders_per_customer has every bucket, empty ones with zero]
AS
BEGIN
    SELECT bucket_order, bucket, min_orders, max_orders, customers, customer_share, revenue, revenue_share
    INTO #actual
    FROM analysis.q06_orders_per_customer;

    -- 1 order: 105 106 (35); 2: 103 104 (115); 3: 102 (57); 4-5: 101 (215); of 6 customers and 422.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (bucket_order, bucket, min_orders, max_orders, customers, customer_share, revenue, revenue_share)
    VALUES (1, '1', 1, 1, 2, 0.333333, 35.000, 0.082938),
           (2, '2', 2, 2, 2, 0.333333, 115.000, 0.272512),
           (3, '3', 3, 3, 1, 0.166667, 57.000, 0.135071),
           (4, '4-5', 4, 5, 1, 0.166667, 215.000, 0.509479),
           (5, '6-10', 6, 10, 0, 0.000000, 0.000, 0.000000),
           (6, '11-20', 11, 20, 0, 0.000000, 0.000, 0.000000),
           (7, '21+', 21, NULL, 0, 0.000000, 0.000, 0.000000);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE analysis_tests.[test q07_monthly_growth compares each month with the one before]
AS
BEGIN
    SELECT month_start, is_partial, is_comparable, previous_month_start, revenue, previous_revenue,
           revenue_change, revenue_growth_pct, orders, previous_orders, orders_growth_pct,
           active_customers, previous_active_customers, active_customers_growth_pct
    INTO #actual
    FROM analysis.q07_monthly_growth;

    -- February 95 vs 50: +90 %; March 85 vs 95: -10.526 %; April 192 vs 85 +125.882 %, partial.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected
        (month_start, is_partial, is_comparable, previous_month_start, revenue, previous_revenue,
         revenue_change, revenue_growth_pct, orders, previous_orders, orders_growth_pct,
         active_customers, previous_active_customers, active_customers_growth_pct)
    VALUES ('2011-01-01', 0, 0, NULL, 50.000, NULL, NULL, NULL, 2, NULL, NULL, 2, NULL, NULL),
           ('2011-02-01', 0, 1, '2011-01-01', 95.000, 50.000, 45.000, 90.00, 4, 2, 100.00, 3, 2, 50.00),
           ('2011-03-01', 0, 1, '2011-02-01', 85.000, 95.000, -10.000, -10.53, 3, 4, -25.00, 3, 3, 0.00),
           ('2011-04-01', 1, 0, '2011-03-01', 192.000, 85.000, 107.000, 125.88, 5, 3, 66.67, 4, 3, 33.33);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE analysis_tests.[test q08_revenue_running_total accumulates and averages three months]
AS
BEGIN
    SELECT month_start, revenue, running_revenue, year_to_date_revenue, moving_avg_3m, months_in_average
    INTO #actual
    FROM analysis.q08_revenue_running_total;

    -- All in 2011: year to date = running total. March (50 + 95 + 85) / 3 = 76.666...
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (month_start, revenue, running_revenue, year_to_date_revenue, moving_avg_3m, months_in_average)
    VALUES ('2011-01-01', 50.000, 50.000, 50.000, 50.000, 1),
           ('2011-02-01', 95.000, 145.000, 145.000, 72.500, 2),
           ('2011-03-01', 85.000, 230.000, 230.000, 76.667, 3),
           ('2011-04-01', 192.000, 422.000, 422.000, 124.000, 3);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE analysis_tests.[test q08_revenue_running_total restarts the year to date in January]
AS
BEGIN
    INSERT INTO mart.monthly_summary (month_start, revenue, orders, active_customers, new_customers, quantity, is_partial)
    VALUES ('2010-12-01', 10.000, 1, 1, 1, 1, 0);

    SELECT month_start, running_revenue, year_to_date_revenue
    INTO #actual
    FROM analysis.q08_revenue_running_total
    WHERE month_start <= '2011-01-01';

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (month_start, running_revenue, year_to_date_revenue)
    VALUES ('2010-12-01', 10.000, 10.000),
           ('2011-01-01', 60.000, 50.000);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

-- Reference date 2011-04-16. NTILE(5) of 6 customers: groups of 2, 1, 1, 1, 1.
-- R by last purchase: 103 105 | 101 | 102 | 104 | 106.
-- F by orders, then revenue: 106 105 | 103 | 104 | 102 | 101. M: 106 105 | 103 | 102 | 104 | 101.
CREATE OR ALTER PROCEDURE analysis_tests.[test q09_rfm_customers names the segment of each customer]
AS
BEGIN
    SELECT customer_id, reference_date, recency_days, frequency, monetary, r_score, f_score, m_score, segment
    INTO #actual
    FROM analysis.q09_rfm_customers;

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (customer_id, reference_date, recency_days, frequency, monetary, r_score, f_score, m_score, segment)
    VALUES (101, '2011-04-16', 11, 5, 215.000, 2, 5, 5, 'Cannot lose them'),
           (102, '2011-04-16', 8, 3, 57.000, 3, 4, 3, 'Loyal'),
           (103, '2011-04-16', 55, 2, 50.000, 1, 2, 2, 'Hibernating'),
           (104, '2011-04-16', 4, 2, 65.000, 4, 3, 4, 'Potential loyalists'),
           (105, '2011-04-16', 27, 1, 30.000, 1, 1, 1, 'Hibernating'),
           (106, '2011-04-16', 1, 1, 5.000, 5, 1, 1, 'New customers');

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE analysis_tests.[test q09_rfm_segments has all ten segments with their totals]
AS
BEGIN
    SELECT segment_order, segment, customers, customer_share, revenue, revenue_share,
           avg_recency_days, avg_frequency, avg_monetary
    INTO #actual
    FROM analysis.q09_rfm_segments;

    -- Hibernating: 103 and 105, 80 / 422; recency (55 + 27) / 2, orders (2 + 1) / 2.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected
        (segment_order, segment, customers, customer_share, revenue, revenue_share,
         avg_recency_days, avg_frequency, avg_monetary)
    VALUES (1, 'Champions', 0, 0.000000, 0.000, 0.000000, NULL, NULL, NULL),
           (2, 'Loyal', 1, 0.166667, 57.000, 0.135071, 8.0, 3.00, 57.00),
           (3, 'Potential loyalists', 1, 0.166667, 65.000, 0.154028, 4.0, 2.00, 65.00),
           (4, 'New customers', 1, 0.166667, 5.000, 0.011848, 1.0, 1.00, 5.00),
           (5, 'Promising', 0, 0.000000, 0.000, 0.000000, NULL, NULL, NULL),
           (6, 'Need attention', 0, 0.000000, 0.000, 0.000000, NULL, NULL, NULL),
           (7, 'About to sleep', 0, 0.000000, 0.000, 0.000000, NULL, NULL, NULL),
           (8, 'Cannot lose them', 1, 0.166667, 215.000, 0.509479, 11.0, 5.00, 215.00),
           (9, 'At risk', 0, 0.000000, 0.000, 0.000000, NULL, NULL, NULL),
           (10, 'Hibernating', 2, 0.333333, 80.000, 0.189573, 41.0, 1.50, 40.00);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE analysis_tests.[test q10_cohort_retention leaves the months not observed NULL]
AS
BEGIN
    SELECT cohort_month, cohort_size, months_observed, m0, m1, m2, m3, m4, m12
    INTO #actual
    FROM analysis.q10_cohort_retention;

    -- January 101 102: back in February 101, March and April both. February 103 104:
    -- April 104. March 105 never back. April 106: the last month, nothing after it.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (cohort_month, cohort_size, months_observed, m0, m1, m2, m3, m4, m12)
    VALUES ('2011-01-01', 2, 3, 100.00, 50.00, 100.00, 100.00, NULL, NULL),
           ('2011-02-01', 2, 2, 100.00, 0.00, 50.00, NULL, NULL, NULL),
           ('2011-03-01', 1, 1, 100.00, 0.00, NULL, NULL, NULL, NULL),
           ('2011-04-01', 1, 0, 100.00, NULL, NULL, NULL, NULL, NULL);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE analysis_tests.[test q11_product_pairs ranks the pairs by lift above a minimum support]
AS
BEGIN
    SELECT CAST(0 AS decimal(9, 6)) AS min_support, lift_rank, stock_code_a, description_a, stock_code_b, description_b,
           invoices_together, invoices_a, invoices_b, support, confidence_a_to_b, confidence_b_to_a, lift
    INTO #actual
    FROM analysis.q11_product_pairs(0)
    UNION ALL
    SELECT 0.2, lift_rank, stock_code_a, description_a, stock_code_b, description_b,
           invoices_together, invoices_a, invoices_b, support, confidence_a_to_b, confidence_b_to_a, lift
    FROM analysis.q11_product_pairs(0.2);

    -- A minimum support of 20 % keeps A1-B2 (5 / 14) only.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected
        (min_support, lift_rank, stock_code_a, description_a, stock_code_b, description_b,
         invoices_together, invoices_a, invoices_b, support, confidence_a_to_b, confidence_b_to_a, lift)
    VALUES (0, 1, 'A1', N'ALPHA MUG', 'B2', N'BETA SAUCER', 5, 7, 7, 0.357143, 0.714286, 0.714286, 1.4286),
           (0, 2, 'C3', N'GAMMA CANDLE', 'D4', N'DELTA LAMP', 2, 4, 5, 0.142857, 0.500000, 0.400000, 1.4000),
           (0.2, 1, 'A1', N'ALPHA MUG', 'B2', N'BETA SAUCER', 5, 7, 7, 0.357143, 0.714286, 0.714286, 1.4286);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

-- 80 % of 422 is 337.6. Customers: 101 215, 104 65 (280), 102 57 (337), 103 50
-- (387: crosses the line, so in), 105 30, 106 5. Products: A1 200, D4 120 (320),
-- B2 60 (380: crosses), C3 42.
CREATE OR ALTER PROCEDURE analysis_tests.[test q12_pareto_customers keeps the customer that crosses 80 percent]
AS
BEGIN
    SELECT customer_id, revenue, revenue_rank, cumulative_revenue, cumulative_share, in_top_80
    INTO #actual
    FROM analysis.q12_pareto_customers;

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (customer_id, revenue, revenue_rank, cumulative_revenue, cumulative_share, in_top_80)
    VALUES (101, 215.000, 1, 215.000, 0.509479, 1),
           (104, 65.000, 2, 280.000, 0.663507, 1),
           (102, 57.000, 3, 337.000, 0.798578, 1),
           (103, 50.000, 4, 387.000, 0.917062, 1),
           (105, 30.000, 5, 417.000, 0.988152, 0),
           (106, 5.000, 6, 422.000, 1.000000, 0);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE analysis_tests.[test q12_pareto_products and q12_pareto_summary count the top 80 percent]
AS
BEGIN
    SELECT stock_code, description, revenue, revenue_rank, cumulative_share, in_top_80
    INTO #actual_products
    FROM analysis.q12_pareto_products;
    SELECT TOP (0) * INTO #expected_products FROM #actual_products;
    INSERT INTO #expected_products (stock_code, description, revenue, revenue_rank, cumulative_share, in_top_80)
    VALUES ('A1', N'ALPHA MUG', 200.000, 1, 0.473934, 1),
           ('D4', N'DELTA LAMP', 120.000, 2, 0.758294, 1),
           ('B2', N'BETA SAUCER', 60.000, 3, 0.900474, 1),
           ('C3', N'GAMMA CANDLE', 42.000, 4, 1.000000, 0);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected_products', @Actual = N'#actual_products',
        @Message = N'q12_pareto_products';

    SELECT subject, total_count, top_80_count, top_80_count_share, top_80_revenue_share
    INTO #actual
    FROM analysis.q12_pareto_summary;

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (subject, total_count, top_80_count, top_80_count_share, top_80_revenue_share)
    VALUES ('customers', 6, 4, 0.666667, 0.917062),
           ('products', 4, 3, 0.750000, 0.900474);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO
