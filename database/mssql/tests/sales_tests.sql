-- tSQLt test class for the sales schema: sales.clean_batch on a small staged
-- batch (SetUp below) in faked tables. FakeTable keeps the BIN2 collations,
-- which clean_batch's #kept_line (SELECT INTO) and joins rely on; sales.country
-- keeps its IDENTITY (@Identity = 1) because clean_batch lets it number new
-- countries; the line tables keep their computed line_revenue. MERGE into the
-- faked sales.product needs nothing special: a fake is an ordinary table.
-- Not deployed by Liquibase: `./ecom test-db` installs and runs it.
EXEC tSQLt.NewTestClass 'sales_tests';
GO

-- Runs before each test: every table clean_batch touches is faked (so no
-- foreign key or check constraint gets in the way), and batch 7 is staged.
-- Lines 1, 2, 10, 11 and 12 are clean; line 5 is a cancellation with a customer.
CREATE OR ALTER PROCEDURE sales_tests.SetUp
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'staging.load_batch';
    EXEC tSQLt.FakeTable @TableName = N'staging.retail_line';
    EXEC tSQLt.FakeTable @TableName = N'staging.duplicate_line';
    EXEC tSQLt.FakeTable @TableName = N'sales.country', @Identity = 1;
    EXEC tSQLt.FakeTable @TableName = N'sales.product';
    EXEC tSQLt.FakeTable @TableName = N'sales.customer';
    EXEC tSQLt.FakeTable @TableName = N'sales.invoice';
    EXEC tSQLt.FakeTable @TableName = N'sales.invoice_line', @Identity = 1, @ComputedColumns = 1;
    EXEC tSQLt.FakeTable @TableName = N'sales.cancellation_line', @Identity = 1, @ComputedColumns = 1;

    INSERT INTO staging.load_batch
        (batch_id, file_name, file_sha256, file_format, rows_read, rows_loaded, rows_rejected, started_at, staged_at, finished_at, status)
    VALUES (6, N'online_retail_2010_11.csv', REPLICATE('a', 64), 'csv', 2, 2, 0,
            '2024-01-10T09:00:00', '2024-01-10T09:00:05', '2024-01-10T09:00:06', 'cleaned'),
           (7, N'online_retail_2010_12.csv', REPLICATE('b', 64), 'csv', 12, 12, 0,
            '2024-01-11T09:00:00', '2024-01-11T09:00:05', NULL, 'staged');

    INSERT INTO staging.retail_line
        (batch_id, line_number, invoice, stock_code, description, quantity, invoice_date, price, customer_id, country)
    VALUES (7, 1, '536365', '85123A', N'WHITE HANGING HEART T-LIGHT HOLDER', 6, '2010-12-01T08:26:00', 2.550, 17850, N'United Kingdom'),
           (7, 2, '536365', '71053', N'WHITE METAL LANTERN', 6, '2010-12-01T08:27:00', 3.390, 17850, N'United Kingdom'),
           (7, 3, '536365', '85123A', N'WHITE HANGING HEART T-LIGHT HOLDER', 6, '2010-12-01T08:26:00', 2.550, 17850, N'United Kingdom'),
           (7, 4, '536366', '22633', N'HAND WARMER UNION JACK', 6, '2010-12-01T08:28:00', 1.850, NULL, N'United Kingdom'),
           (7, 5, 'C536379', 'D', N'Discount', -1, '2010-12-01T09:41:00', 27.500, 14527, N'United Kingdom'),
           (7, 6, 'C536383', '35004C', N'SET OF 3 COLOURED  FLYING DUCKS', -1, '2010-12-01T09:49:00', 4.650, NULL, N'United Kingdom'),
           (7, 7, 'A563185', 'B', N'Adjust bad debt', 1, '2011-08-12T14:50:00', 11062.060, NULL, N'United Kingdom'),
           (7, 8, '536367', '84879', N'ASSORTED COLOUR BIRD ORNAMENT', 32, '2010-12-01T08:34:00', 0.000, 13047, N'United Kingdom'),
           (7, 9, '536368', '22960', N'JAM MAKING SET WITH JARS', -6, '2010-12-01T08:34:00', 4.250, 13047, N'United Kingdom'),
           (7, 10, '536370', '22728', N'ALARM CLOCK BAKELIKE PINK', 24, '2010-12-01T08:45:00', 3.750, 12583, N'France'),
           (7, 11, '536381', '22086', N'PAPER CHAIN KIT 50''S CHRISTMAS', 80, '2010-12-01T09:50:00', 2.550, 12370, N'Cyprus'),
           (7, 12, '536380', '21754', N'HOME BUILDING BLOCK WORD', 3, '2010-12-01T09:45:00', 5.950, 12370, N'Austria');
END;
GO

CREATE OR ALTER PROCEDURE sales_tests.[test exactly the clean lines reach sales.invoice_line]
AS
BEGIN
    EXEC sales.clean_batch @batch_id = 7;

    SELECT invoice_no, stock_code, quantity, unit_price, line_revenue, batch_id, source_line_number
    INTO #actual
    FROM sales.invoice_line;

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (invoice_no, stock_code, quantity, unit_price, line_revenue, batch_id, source_line_number)
    VALUES ('536365', '85123A', 6, 2.550, 15.300, 7, 1),
           ('536365', '71053', 6, 3.390, 20.340, 7, 2),
           ('536370', '22728', 24, 3.750, 90.000, 7, 10),
           ('536381', '22086', 80, 2.550, 204.000, 7, 11),
           ('536380', '21754', 3, 5.950, 17.850, 7, 12);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE sales_tests.[test the cancellation line with a customer reaches sales.cancellation_line]
AS
BEGIN
    EXEC sales.clean_batch @batch_id = 7;

    SELECT invoice_no, stock_code, quantity, unit_price, line_revenue, batch_id, source_line_number
    INTO #actual
    FROM sales.cancellation_line;

    -- C536383 has no customer: it is counted by governance, not kept.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (invoice_no, stock_code, quantity, unit_price, line_revenue, batch_id, source_line_number)
    VALUES ('C536379', 'D', -1, 27.500, -27.500, 7, 5);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE sales_tests.[test an invoice is dated by its earliest line and only invoices with kept lines are created]
AS
BEGIN
    EXEC sales.clean_batch @batch_id = 7;

    SELECT i.invoice_no, i.customer_id, c.country_name, i.invoice_date, i.is_cancellation, i.batch_id
    INTO #actual
    FROM sales.invoice AS i
    LEFT JOIN sales.country AS c ON c.country_id = i.country_id;

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (invoice_no, customer_id, country_name, invoice_date, is_cancellation, batch_id)
    VALUES ('536365', 17850, N'United Kingdom', '2010-12-01T08:26:00', 0, 7),
           ('C536379', 14527, N'United Kingdom', '2010-12-01T09:41:00', 1, 7),
           ('536370', 12583, N'France', '2010-12-01T08:45:00', 0, 7),
           ('536381', 12370, N'Cyprus', '2010-12-01T09:50:00', 0, 7),
           ('536380', 12370, N'Austria', '2010-12-01T09:45:00', 0, 7);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE sales_tests.[test a customer's country is that of their latest invoice in the batch]
AS
BEGIN
    EXEC sales.clean_batch @batch_id = 7;

    SELECT cu.customer_id, c.country_name
    INTO #actual
    FROM sales.customer AS cu
    LEFT JOIN sales.country AS c ON c.country_id = cu.country_id;

    -- 12370's Cyprus invoice (line 11) is later than the Austria one (line 12).
    -- 13047 has no kept line, so no customer row.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (customer_id, country_name)
    VALUES (17850, N'United Kingdom'),
           (14527, N'United Kingdom'),
           (12583, N'France'),
           (12370, N'Cyprus');

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE sales_tests.[test a customer's country follows their latest invoice across batches]
AS
BEGIN
    -- Batch 6 left two customers: 12431 with a later invoice (Australia) than
    -- the one batch 7 brings, 12662 with an earlier one (Germany).
    INSERT INTO sales.country (country_name) VALUES (N'Australia'), (N'Germany');
    INSERT INTO sales.customer (customer_id, country_id)
    SELECT 12431, country_id FROM sales.country WHERE country_name = N'Australia'
    UNION ALL
    SELECT 12662, country_id FROM sales.country WHERE country_name = N'Germany';
    INSERT INTO sales.invoice (invoice_no, customer_id, country_id, invoice_date, is_cancellation, batch_id)
    SELECT '539000', 12431, country_id, '2010-12-20T10:00:00', 0, 6 FROM sales.country WHERE country_name = N'Australia'
    UNION ALL
    SELECT '530000', 12662, country_id, '2010-11-01T10:00:00', 0, 6 FROM sales.country WHERE country_name = N'Germany';

    INSERT INTO staging.retail_line
        (batch_id, line_number, invoice, stock_code, description, quantity, invoice_date, price, customer_id, country)
    VALUES (7, 13, '536389', '22941', N'CHRISTMAS LIGHTS 10 REINDEER', 6, '2010-12-01T10:03:00', 8.500, 12431, N'Belgium'),
           (7, 14, '536390', '22900', N'SET 2 TEA TOWELS I LOVE LONDON', 6, '2010-12-01T10:19:00', 2.950, 12662, N'Belgium');

    EXEC sales.clean_batch @batch_id = 7;

    SELECT cu.customer_id, c.country_name
    INTO #actual
    FROM sales.customer AS cu
    LEFT JOIN sales.country AS c ON c.country_id = cu.country_id
    WHERE cu.customer_id IN (12431, 12662);

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (customer_id, country_name)
    VALUES (12431, N'Australia'),
           (12662, N'Belgium');

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE sales_tests.[test each stock code of a kept line becomes one product]
AS
BEGIN
    EXEC sales.clean_batch @batch_id = 7;

    SELECT stock_code, description
    INTO #actual
    FROM sales.product;

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (stock_code, description)
    VALUES ('85123A', N'WHITE HANGING HEART T-LIGHT HOLDER'),
           ('71053', N'WHITE METAL LANTERN'),
           ('D', N'Discount'),
           ('22728', N'ALARM CLOCK BAKELIKE PINK'),
           ('22086', N'PAPER CHAIN KIT 50''S CHRISTMAS'),
           ('21754', N'HOME BUILDING BLOCK WORD');

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE sales_tests.[test the batch status becomes cleaned and other batches are left alone]
AS
BEGIN
    EXEC sales.clean_batch @batch_id = 7;

    SELECT batch_id, status, CASE WHEN finished_at IS NULL THEN 0 ELSE 1 END AS has_finished_at
    INTO #actual
    FROM staging.load_batch;

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (batch_id, status, has_finished_at)
    VALUES (6, 'cleaned', 1),
           (7, 'cleaned', 1);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO
