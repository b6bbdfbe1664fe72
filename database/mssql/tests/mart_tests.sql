-- tSQLt test class for the mart schema: each mart.refresh_<table> procedure
-- rebuilds its summary table from faked sales tables and, where it reads
-- them, hand-made rows of the summaries refreshed before it; then
-- mart.refresh_summaries runs them in that order. The base rows are the clean
-- lines of MartContractTest (GovernanceContractTest's fixture, already
-- cleaned): invoice 489434 of customer 13085 (UK, 83.40 + 81.00), invoice
-- 489438 of customer 12345 (France, 30.00), and customer 16321 who only
-- cancelled (C489449). sales.invoice_line and sales.cancellation_line keep
-- their computed line_revenue (@ComputedColumns = 1); the mart tables are
-- faked so that no constraint gets in the way and every test starts from
-- empty summaries.
-- Not deployed by Liquibase: `./ecom test-db` installs and runs it.
EXEC tSQLt.NewTestClass 'mart_tests';
GO

-- Runs before each test: every table the refresh procedures read or write is faked.
CREATE OR ALTER PROCEDURE mart_tests.SetUp
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'sales.country';
    EXEC tSQLt.FakeTable @TableName = N'sales.customer';
    EXEC tSQLt.FakeTable @TableName = N'sales.product';
    EXEC tSQLt.FakeTable @TableName = N'sales.invoice';
    EXEC tSQLt.FakeTable @TableName = N'sales.invoice_line', @Identity = 1, @ComputedColumns = 1;
    EXEC tSQLt.FakeTable @TableName = N'sales.cancellation_line', @Identity = 1, @ComputedColumns = 1;
    EXEC tSQLt.FakeTable @TableName = N'mart.invoice_summary';
    EXEC tSQLt.FakeTable @TableName = N'mart.customer_month';
    EXEC tSQLt.FakeTable @TableName = N'mart.customer_country_month';
    EXEC tSQLt.FakeTable @TableName = N'mart.customer_summary';
    EXEC tSQLt.FakeTable @TableName = N'mart.product_summary';
    EXEC tSQLt.FakeTable @TableName = N'mart.monthly_summary';
    EXEC tSQLt.FakeTable @TableName = N'mart.country_summary';
    EXEC tSQLt.FakeTable @TableName = N'mart.product_pair';
END;
GO

-- The clean sales of MartContractTest: 1-2 December 2009, 194.40 in two invoices.
CREATE OR ALTER PROCEDURE mart_tests.[insert the clean lines of the governance fixture]
AS
BEGIN
    INSERT INTO sales.country (country_id, country_name)
    VALUES (1, N'United Kingdom'), (2, N'France'), (3, N'Australia');

    INSERT INTO sales.customer (customer_id, country_id)
    VALUES (13085, 1), (12345, 2), (16321, 3);

    INSERT INTO sales.product (stock_code, description)
    VALUES ('85048', N'LIGHT'), ('79323P', N'PINK'), ('22087', N'PAPER'), ('22113', N'HEART');

    INSERT INTO sales.invoice (invoice_no, customer_id, country_id, invoice_date, is_cancellation, batch_id)
    VALUES ('489434', 13085, 1, '2009-12-01T07:45:00', 0, 1),
           ('C489449', 16321, 3, '2009-12-01T10:33:00', 1, 1),
           ('489438', 12345, 2, '2009-12-02T09:00:00', 0, 1);

    INSERT INTO sales.invoice_line (invoice_no, stock_code, quantity, unit_price, batch_id, source_line_number)
    VALUES ('489434', '85048', 12, 6.950, 1, 2),
           ('489434', '79323P', 12, 6.750, 1, 3),
           ('489438', '22113', 24, 1.250, 1, 11);

    INSERT INTO sales.cancellation_line (invoice_no, stock_code, quantity, unit_price, batch_id, source_line_number)
    VALUES ('C489449', '22087', -12, 0.290, 1, 6);
END;
GO

-- mart.invoice_summary as mart.refresh_invoice_summary makes it of the clean
-- lines above: the input of the parts that read it.
CREATE OR ALTER PROCEDURE mart_tests.[insert the invoice summaries of the governance fixture]
AS
BEGIN
    INSERT INTO mart.invoice_summary
        (invoice_no, customer_id, country_id, invoice_date, month_start, revenue, quantity, line_count, product_count)
    VALUES ('489434', 13085, 1, '2009-12-01T07:45:00', '2009-12-01', 164.400, 24, 2, 2),
           ('489438', 12345, 2, '2009-12-02T09:00:00', '2009-12-01', 30.000, 24, 1, 1);
END;
GO

CREATE OR ALTER PROCEDURE mart_tests.[test refresh_invoice_summary totals each sales invoice and replaces what was there]
AS
BEGIN
    EXEC mart_tests.[insert the clean lines of the governance fixture];
    INSERT INTO mart.invoice_summary
        (invoice_no, customer_id, country_id, invoice_date, month_start, revenue, quantity, line_count, product_count)
    VALUES ('STALE', 1, 1, '2000-01-01T00:00:00', '2000-01-01', 1.000, 1, 1, 1);

    EXEC mart.refresh_invoice_summary;

    SELECT invoice_no, customer_id, country_id, invoice_date, month_start, revenue, quantity, line_count, product_count
    INTO #actual
    FROM mart.invoice_summary;

    -- 489434: 12 x 6.95 + 12 x 6.75 = 83.40 + 81.00; the cancellation has no row.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected
        (invoice_no, customer_id, country_id, invoice_date, month_start, revenue, quantity, line_count, product_count)
    VALUES ('489434', 13085, 1, '2009-12-01T07:45:00', '2009-12-01', 164.400, 24, 2, 2),
           ('489438', 12345, 2, '2009-12-02T09:00:00', '2009-12-01', 30.000, 24, 1, 1);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE mart_tests.[test refresh_customer_month adds up the invoices per customer and month]
AS
BEGIN
    EXEC mart_tests.[insert the invoice summaries of the governance fixture];
    INSERT INTO mart.customer_month (customer_id, month_start, revenue, orders)
    VALUES (99999, '2000-01-01', 1.000, 1);

    EXEC mart.refresh_customer_month;

    SELECT customer_id, month_start, revenue, orders
    INTO #actual
    FROM mart.customer_month;

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (customer_id, month_start, revenue, orders)
    VALUES (13085, '2009-12-01', 164.400, 1),
           (12345, '2009-12-01', 30.000, 1);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE mart_tests.[test refresh_customer_country_month adds up the invoices per customer, month and invoice country]
AS
BEGIN
    EXEC mart_tests.[insert the invoice summaries of the governance fixture];
    INSERT INTO mart.customer_country_month (customer_id, month_start, country_id, orders, revenue, quantity)
    VALUES (99999, '2000-01-01', 1, 1, 1.000, 1);

    EXEC mart.refresh_customer_country_month;

    SELECT month_start, customer_id, country_id, orders, revenue, quantity
    INTO #actual
    FROM mart.customer_country_month;

    -- 1 = United Kingdom, 2 = France.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (month_start, customer_id, country_id, orders, revenue, quantity)
    VALUES ('2009-12-01', 13085, 1, 1, 164.400, 24),
           ('2009-12-01', 12345, 2, 1, 30.000, 24);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE mart_tests.[test refresh_customer_summary counts the cancelled orders of customers with sales]
AS
BEGIN
    EXEC mart_tests.[insert the clean lines of the governance fixture];
    EXEC mart_tests.[insert the invoice summaries of the governance fixture];
    -- 13085 also cancels twice: C489500 (two lines) and C489501 (one line).
    INSERT INTO sales.invoice (invoice_no, customer_id, country_id, invoice_date, is_cancellation, batch_id)
    VALUES ('C489500', 13085, 1, '2009-12-02T10:00:00', 1, 1),
           ('C489501', 13085, 1, '2009-12-02T11:00:00', 1, 1);
    INSERT INTO sales.cancellation_line (invoice_no, stock_code, quantity, unit_price, batch_id, source_line_number)
    VALUES ('C489500', '85048', -2, 6.950, 1, 12),
           ('C489500', '79323P', -1, 6.750, 1, 13),
           ('C489501', '85048', -1, 6.950, 1, 14);
    INSERT INTO mart.customer_summary
        (customer_id, country_id, first_purchase_at, last_purchase_at, orders, revenue, quantity,
         distinct_products, active_days, cancelled_orders, cancelled_revenue)
    VALUES (99999, 1, '2000-01-01T00:00:00', '2000-01-01T00:00:00', 1, 1.000, 1, 1, 1, 0, 0.000);

    EXEC mart.refresh_customer_summary;

    SELECT customer_id, country_id, first_purchase_at, last_purchase_at, orders, revenue, quantity,
           distinct_products, active_days, cancelled_orders, cancelled_revenue
    INTO #actual
    FROM mart.customer_summary;

    -- 16321 only cancelled: no row. 13085 cancelled -13.90 - 6.75 - 6.95 = -27.60
    -- in two invoices (the two lines of C489500 count as one order).
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected
        (customer_id, country_id, first_purchase_at, last_purchase_at, orders, revenue, quantity,
         distinct_products, active_days, cancelled_orders, cancelled_revenue)
    VALUES (13085, 1, '2009-12-01T07:45:00', '2009-12-01T07:45:00', 1, 164.400, 24, 2, 1, 2, -27.600),
           (12345, 2, '2009-12-02T09:00:00', '2009-12-02T09:00:00', 1, 30.000, 24, 1, 1, 0, 0.000);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE mart_tests.[test refresh_product_summary adds up the clean lines per product]
AS
BEGIN
    EXEC mart_tests.[insert the clean lines of the governance fixture];
    INSERT INTO mart.product_summary
        (stock_code, description, revenue, quantity, orders, customers, first_sold_at, last_sold_at)
    VALUES ('STALE', N'STALE', 1.000, 1, 1, 1, '2000-01-01T00:00:00', '2000-01-01T00:00:00');

    EXEC mart.refresh_product_summary;

    SELECT stock_code, description, revenue, quantity, orders, customers, first_sold_at, last_sold_at
    INTO #actual
    FROM mart.product_summary;

    -- 22087 was only cancelled: no row.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (stock_code, description, revenue, quantity, orders, customers, first_sold_at, last_sold_at)
    VALUES ('85048', N'LIGHT', 83.400, 12, 1, 1, '2009-12-01T07:45:00', '2009-12-01T07:45:00'),
           ('79323P', N'PINK', 81.000, 12, 1, 1, '2009-12-01T07:45:00', '2009-12-01T07:45:00'),
           ('22113', N'HEART', 30.000, 24, 1, 1, '2009-12-02T09:00:00', '2009-12-02T09:00:00');

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE mart_tests.[test refresh_monthly_summary marks a month the data ends in as partial]
AS
BEGIN
    EXEC mart_tests.[insert the invoice summaries of the governance fixture];
    INSERT INTO mart.customer_month (customer_id, month_start, revenue, orders)
    VALUES (13085, '2009-12-01', 164.400, 1),
           (12345, '2009-12-01', 30.000, 1);
    INSERT INTO mart.monthly_summary (month_start, revenue, orders, active_customers, new_customers, quantity, is_partial)
    VALUES ('2000-01-01', 1.000, 1, 1, 1, 1, 0);

    EXEC mart.refresh_monthly_summary;

    SELECT month_start, revenue, orders, active_customers, new_customers, quantity, is_partial
    INTO #actual
    FROM mart.monthly_summary;

    -- The data stops on 2 December 2009, before the 31st.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (month_start, revenue, orders, active_customers, new_customers, quantity, is_partial)
    VALUES ('2009-12-01', 194.400, 2, 2, 2, 48, 1);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE mart_tests.[test refresh_monthly_summary months covered whole are not partial and new customers count once]
AS
BEGIN
    -- The data now runs from 1 December 2009 to 10 February 2010: December and
    -- January are whole, February is not. 17850 is new in January; 13085 is back in February.
    EXEC mart_tests.[insert the invoice summaries of the governance fixture];
    INSERT INTO mart.invoice_summary
        (invoice_no, customer_id, country_id, invoice_date, month_start, revenue, quantity, line_count, product_count)
    VALUES ('489600', 17850, 1, '2010-01-31T18:00:00', '2010-01-01', 13.900, 2, 1, 1),
           ('489601', 13085, 1, '2010-02-10T09:00:00', '2010-02-01', 12.500, 10, 1, 1);
    INSERT INTO mart.customer_month (customer_id, month_start, revenue, orders)
    VALUES (13085, '2009-12-01', 164.400, 1),
           (12345, '2009-12-01', 30.000, 1),
           (17850, '2010-01-01', 13.900, 1),
           (13085, '2010-02-01', 12.500, 1);

    EXEC mart.refresh_monthly_summary;

    SELECT month_start, revenue, orders, active_customers, new_customers, quantity, is_partial
    INTO #actual
    FROM mart.monthly_summary;

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (month_start, revenue, orders, active_customers, new_customers, quantity, is_partial)
    VALUES ('2009-12-01', 194.400, 2, 2, 2, 48, 0),
           ('2010-01-01', 13.900, 1, 1, 1, 2, 0),
           ('2010-02-01', 12.500, 1, 1, 0, 10, 1);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE mart_tests.[test refresh_country_summary is by the country of the invoice]
AS
BEGIN
    EXEC mart_tests.[insert the clean lines of the governance fixture];
    EXEC mart_tests.[insert the invoice summaries of the governance fixture];
    INSERT INTO mart.country_summary (country_id, country_name, revenue, orders, customers)
    VALUES (3, N'STALE', 1.000, 1, 1);

    EXEC mart.refresh_country_summary;

    SELECT country_id, country_name, revenue, orders, customers
    INTO #actual
    FROM mart.country_summary;

    -- Australia has only a cancellation: no row.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (country_id, country_name, revenue, orders, customers)
    VALUES (1, N'United Kingdom', 164.400, 1, 1),
           (2, N'France', 30.000, 1, 1);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE mart_tests.[test refresh_product_pair is empty when no product is in two invoices]
AS
BEGIN
    EXEC mart_tests.[insert the clean lines of the governance fixture];
    EXEC mart_tests.[insert the invoice summaries of the governance fixture];
    INSERT INTO mart.product_pair
        (stock_code_a, stock_code_b, invoices_together, invoices_a, invoices_b,
         support, confidence_a_to_b, confidence_b_to_a, lift)
    VALUES ('85048', '79323P', 1, 1, 1, 1.000000, 1.000000, 1.000000, 1.0000);

    EXEC mart.refresh_product_pair;

    EXEC tSQLt.AssertEmptyTable @TableName = N'mart.product_pair';
END;
GO

-- The baskets of AnalysisContractTest: 14 invoices of at most 3 products. A1
-- and B2 are together in 5 (500001 500003 500006 500008 500013), C3 and D4 in
-- 2 (500009 500012), every other pair in one only, under the minimum of
-- max(2, 0.1% of 14) invoices. A1 is in 7 invoices, B2 in 7, C3 in 4, D4 in 5,
-- all >= max(2, 1% of 14). Invoice 500100 holds A1, B2, C3, D4 and 97 other
-- products: 101 products, so it is no basket and counts in no figure. Of
-- mart.invoice_summary, the part reads only invoice_no and product_count.
CREATE OR ALTER PROCEDURE mart_tests.[test refresh_product_pair support confidence and lift over the baskets of at most 100 products]
AS
BEGIN
    INSERT INTO sales.country (country_id, country_name) VALUES (1, N'United Kingdom');
    INSERT INTO sales.customer (customer_id, country_id) VALUES (101, 1);
    INSERT INTO sales.product (stock_code, description)
    VALUES ('A1', N'ALPHA MUG'), ('B2', N'BETA SAUCER'), ('C3', N'GAMMA CANDLE'), ('D4', N'DELTA LAMP');

    INSERT INTO sales.invoice (invoice_no, customer_id, country_id, invoice_date, is_cancellation, batch_id)
    SELECT v.invoice_no, 101, 1, v.invoice_date, 0, 1
    FROM (VALUES ('500001', '2011-01-01T10:00:00'), ('500002', '2011-01-10T10:00:00'), ('500003', '2011-02-05T10:00:00'),
                 ('500004', '2011-02-10T10:00:00'), ('500005', '2011-02-20T10:00:00'), ('500006', '2011-02-25T10:00:00'),
                 ('500007', '2011-03-03T10:00:00'), ('500008', '2011-03-15T10:00:00'), ('500009', '2011-03-20T10:00:00'),
                 ('500010', '2011-04-01T10:00:00'), ('500011', '2011-04-05T10:00:00'), ('500012', '2011-04-08T10:00:00'),
                 ('500013', '2011-04-12T10:00:00'), ('500014', '2011-04-15T10:00:00'), ('500100', '2011-04-15T11:00:00'))
         AS v (invoice_no, invoice_date);

    INSERT INTO sales.invoice_line (invoice_no, stock_code, quantity, unit_price, batch_id, source_line_number)
    VALUES ('500001', 'A1', 2, 10.000, 1, 2), ('500001', 'B2', 2, 5.000, 1, 3),
           ('500002', 'D4', 1, 20.000, 1, 4),
           ('500003', 'A1', 1, 10.000, 1, 5), ('500003', 'B2', 1, 5.000, 1, 6), ('500003', 'C3', 5, 2.000, 1, 7),
           ('500004', 'C3', 10, 2.000, 1, 8),
           ('500005', 'A1', 3, 10.000, 1, 9),
           ('500006', 'A1', 1, 10.000, 1, 10), ('500006', 'B2', 2, 5.000, 1, 11),
           ('500007', 'D4', 2, 20.000, 1, 12),
           ('500008', 'A1', 1, 10.000, 1, 13), ('500008', 'B2', 1, 5.000, 1, 14),
           ('500009', 'C3', 5, 2.000, 1, 15), ('500009', 'D4', 1, 20.000, 1, 16),
           ('500010', 'B2', 4, 5.000, 1, 17),
           ('500011', 'A1', 10, 10.000, 1, 18),
           ('500012', 'C3', 1, 2.000, 1, 19), ('500012', 'D4', 1, 20.000, 1, 20),
           ('500013', 'A1', 2, 10.000, 1, 21), ('500013', 'B2', 1, 5.000, 1, 22), ('500013', 'D4', 1, 20.000, 1, 23),
           ('500014', 'B2', 1, 5.000, 1, 24),
           ('500100', 'A1', 1, 10.000, 1, 100), ('500100', 'B2', 1, 5.000, 1, 101),
           ('500100', 'C3', 1, 2.000, 1, 102), ('500100', 'D4', 1, 20.000, 1, 103);
    INSERT INTO sales.invoice_line (invoice_no, stock_code, quantity, unit_price, batch_id, source_line_number)
    SELECT '500100', CONCAT('X', t.d, u.d), 1, 1.000, 1, 200 + t.d * 10 + u.d
    FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS t (d)
    CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS u (d)
    WHERE t.d * 10 + u.d < 97;

    INSERT INTO mart.invoice_summary
        (invoice_no, customer_id, country_id, invoice_date, month_start, revenue, quantity, line_count, product_count)
    SELECT v.invoice_no, 101, 1, '2011-01-01T10:00:00', '2011-01-01', 1.000, 1, v.products, v.products
    FROM (VALUES ('500001', 2), ('500002', 1), ('500003', 3), ('500004', 1), ('500005', 1), ('500006', 2),
                 ('500007', 1), ('500008', 2), ('500009', 2), ('500010', 1), ('500011', 1), ('500012', 2),
                 ('500013', 3), ('500014', 1), ('500100', 101))
         AS v (invoice_no, products);

    EXEC mart.refresh_product_pair;

    SELECT stock_code_a, stock_code_b, invoices_together, invoices_a, invoices_b,
           support, confidence_a_to_b, confidence_b_to_a, lift
    INTO #actual
    FROM mart.product_pair;

    -- A1-B2: support 5/14, confidence 5/7 both ways, lift 5 x 14 / (7 x 7) = 1.428571...
    -- C3-D4: support 2/14, confidence 2/4 and 2/5, lift 2 x 14 / (4 x 5) = 1.4
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected
        (stock_code_a, stock_code_b, invoices_together, invoices_a, invoices_b,
         support, confidence_a_to_b, confidence_b_to_a, lift)
    VALUES ('A1', 'B2', 5, 7, 7, 0.357143, 0.714286, 0.714286, 1.4286),
           ('C3', 'D4', 2, 4, 5, 0.142857, 0.500000, 0.400000, 1.4000);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

-- The order matters: every part but mart.refresh_product_summary reads
-- mart.invoice_summary, and mart.refresh_monthly_summary reads mart.customer_month.
CREATE OR ALTER PROCEDURE mart_tests.[test refresh_summaries runs each part once, in dependency order]
AS
BEGIN
    CREATE TABLE #calls (call_no int IDENTITY(1, 1) NOT NULL, part sysname NOT NULL);
    EXEC tSQLt.SpyProcedure @ProcedureName = N'mart.refresh_invoice_summary',
        @CommandToExecute = N'INSERT INTO #calls (part) VALUES (N''refresh_invoice_summary'');';
    EXEC tSQLt.SpyProcedure @ProcedureName = N'mart.refresh_customer_month',
        @CommandToExecute = N'INSERT INTO #calls (part) VALUES (N''refresh_customer_month'');';
    EXEC tSQLt.SpyProcedure @ProcedureName = N'mart.refresh_customer_country_month',
        @CommandToExecute = N'INSERT INTO #calls (part) VALUES (N''refresh_customer_country_month'');';
    EXEC tSQLt.SpyProcedure @ProcedureName = N'mart.refresh_customer_summary',
        @CommandToExecute = N'INSERT INTO #calls (part) VALUES (N''refresh_customer_summary'');';
    EXEC tSQLt.SpyProcedure @ProcedureName = N'mart.refresh_product_summary',
        @CommandToExecute = N'INSERT INTO #calls (part) VALUES (N''refresh_product_summary'');';
    EXEC tSQLt.SpyProcedure @ProcedureName = N'mart.refresh_monthly_summary',
        @CommandToExecute = N'INSERT INTO #calls (part) VALUES (N''refresh_monthly_summary'');';
    EXEC tSQLt.SpyProcedure @ProcedureName = N'mart.refresh_country_summary',
        @CommandToExecute = N'INSERT INTO #calls (part) VALUES (N''refresh_country_summary'');';
    EXEC tSQLt.SpyProcedure @ProcedureName = N'mart.refresh_product_pair',
        @CommandToExecute = N'INSERT INTO #calls (part) VALUES (N''refresh_product_pair'');';

    EXEC mart.refresh_summaries;

    SELECT CAST(call_no AS int) AS call_no, part
    INTO #actual
    FROM #calls;

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (call_no, part)
    VALUES (1, N'refresh_invoice_summary'), (2, N'refresh_customer_month'), (3, N'refresh_customer_country_month'),
           (4, N'refresh_customer_summary'), (5, N'refresh_product_summary'), (6, N'refresh_monthly_summary'),
           (7, N'refresh_country_summary'), (8, N'refresh_product_pair');

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

-- The parts together, from the sales alone: the monthly summary is the last
-- link of the chain (sales -> invoice_summary -> customer_month -> monthly_summary).
CREATE OR ALTER PROCEDURE mart_tests.[test refresh_summaries rebuilds the summaries from the sales]
AS
BEGIN
    EXEC mart_tests.[insert the clean lines of the governance fixture];

    EXEC mart.refresh_summaries;

    SELECT month_start, revenue, orders, active_customers, new_customers, quantity, is_partial
    INTO #actual
    FROM mart.monthly_summary;

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (month_start, revenue, orders, active_customers, new_customers, quantity, is_partial)
    VALUES ('2009-12-01', 194.400, 2, 2, 2, 48, 1);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO
