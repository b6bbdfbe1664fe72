-- tSQLt test class for the quality schema: quality.record_batch_governance
-- counts each exclusion category of a batch (from staging.classify_batch) into
-- a faked quality.batch_governance, and a second run replaces the record.
-- Not deployed by Liquibase: `./ecom test-db` installs and runs it.
EXEC tSQLt.NewTestClass 'quality_tests';
GO

-- Runs before each test. Batch 3 read 12 rows: 2 rejected, 10 staged, of
-- which lines 1, 2 and 10 are clean (customers 13085 and 13078). Batch 2
-- holds the earlier copy that line 3 duplicates. Batch 4 staged nothing.
CREATE OR ALTER PROCEDURE quality_tests.SetUp
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'staging.load_batch';
    EXEC tSQLt.FakeTable @TableName = N'staging.retail_line';
    EXEC tSQLt.FakeTable @TableName = N'quality.batch_governance';

    INSERT INTO staging.load_batch
        (batch_id, file_name, file_sha256, file_format, rows_read, rows_loaded, rows_rejected, started_at, staged_at, status)
    VALUES (2, N'week_48.csv', REPLICATE('2', 64), 'csv', 1, 1, 0, '2024-01-10T09:00:00', '2024-01-10T09:00:01', 'cleaned'),
           (3, N'week_49.csv.gz', REPLICATE('3', 64), 'csv.gz', 12, 10, 2, '2024-01-11T09:00:00', '2024-01-11T09:00:01', 'staged'),
           (4, N'empty.xlsx', REPLICATE('4', 64), 'xlsx', 1, 0, 1, '2024-01-12T09:00:00', '2024-01-12T09:00:01', 'staged');

    INSERT INTO staging.retail_line
        (batch_id, line_number, invoice, stock_code, description, quantity, invoice_date, price, customer_id, country)
    VALUES (2, 1, '489434', '85048', N'15CM CHRISTMAS GLASS BALL 20 LIGHTS', 12, '2009-12-01T07:45:00', 6.950, 13085, N'United Kingdom'),
           (3, 1, '489434', '79323P', N'PINK CHERRY LIGHTS', 12, '2009-12-01T07:45:00', 6.750, 13085, N'United Kingdom'),
           (3, 2, '489436', '21755', N'LOVE BUILDING BLOCK WORD', 18, '2009-12-01T09:06:00', 5.450, 13078, N'United Kingdom'),
           (3, 3, '489434', '85048', N'15CM CHRISTMAS GLASS BALL 20 LIGHTS', 12, '2009-12-01T07:45:00', 6.950, 13085, N'United Kingdom'),
           (3, 4, '489435', '22350', N'CAT BOWL', 12, '2009-12-01T07:46:00', 2.550, NULL, N'United Kingdom'),
           (3, 5, 'C489449', '22087', N'PAPER BUNTING WHITE LACE', -12, '2009-12-01T10:33:00', 2.950, 16321, N'Australia'),
           (3, 6, 'C489449', '85206A', N'CREAM FELT EASTER EGG BASKET', -6, '2009-12-01T10:33:00', 1.650, 16321, N'Australia'),
           (3, 7, 'C489459', '90200A', N'PURPLE SWEETHEART BRACELET', -3, '2009-12-01T10:44:00', 4.250, NULL, N'United Kingdom'),
           (3, 8, 'A506401', 'B', N'Adjust bad debt', 1, '2010-04-29T13:36:00', 53594.360, NULL, N'United Kingdom'),
           (3, 9, '489464', '21733', N'RETRO SPOT PAPER NAPKINS', -96, '2009-12-01T10:52:00', 0.000, NULL, N'United Kingdom'),
           (3, 10, '489436', '22064', N'PINK DOUGHNUT TRINKET POT', 24, '2009-12-01T09:06:00', 1.650, 13078, N'United Kingdom');
END;
GO

CREATE OR ALTER PROCEDURE quality_tests.[test record_batch_governance counts each category of the batch]
AS
BEGIN
    EXEC quality.record_batch_governance @batch_id = 3;

    SELECT batch_id, rows_read, rows_rejected, rows_loaded,
           missing_customer_rows, duplicate_rows, cancellation_rows, cancellation_invoices,
           adjustment_rows, non_positive_quantity_rows, non_positive_price_rows,
           clean_rows, clean_revenue, clean_customers
    INTO #actual
    FROM quality.batch_governance;

    -- missing customer: lines 4, 7, 8, 9; duplicate: 3; cancellation: 5, 6, 7 on
    -- two invoices; adjustment: 8; quantity <= 0: 5, 6, 7, 9; price <= 0: 9.
    -- Clean revenue: 12 * 6.75 + 18 * 5.45 + 24 * 1.65 = 81 + 98.1 + 39.6.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected
        (batch_id, rows_read, rows_rejected, rows_loaded,
         missing_customer_rows, duplicate_rows, cancellation_rows, cancellation_invoices,
         adjustment_rows, non_positive_quantity_rows, non_positive_price_rows,
         clean_rows, clean_revenue, clean_customers)
    VALUES (3, 12, 2, 10, 4, 1, 3, 2, 1, 4, 1, 3, 218.700, 2);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE quality_tests.[test a second run replaces the record of the batch and leaves other batches alone]
AS
BEGIN
    INSERT INTO quality.batch_governance
        (batch_id, rows_read, rows_rejected, rows_loaded,
         missing_customer_rows, duplicate_rows, cancellation_rows, cancellation_invoices,
         adjustment_rows, non_positive_quantity_rows, non_positive_price_rows,
         clean_rows, clean_revenue, clean_customers, recorded_at)
    VALUES (2, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 83.400, 1, '2024-01-10T09:00:02'),
           (3, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99.000, 99, '2024-01-11T09:00:02');

    EXEC quality.record_batch_governance @batch_id = 3;
    EXEC quality.record_batch_governance @batch_id = 3;

    SELECT batch_id, rows_read, missing_customer_rows, duplicate_rows, clean_rows, clean_revenue,
           CASE WHEN recorded_at > '2024-01-11T09:00:02' THEN 1 ELSE 0 END AS is_recorded_again
    INTO #actual
    FROM quality.batch_governance;

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (batch_id, rows_read, missing_customer_rows, duplicate_rows, clean_rows, clean_revenue, is_recorded_again)
    VALUES (2, 1, 0, 0, 1, 83.400, 0),
           (3, 12, 4, 1, 3, 218.700, 1);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE quality_tests.[test a batch with no staged line is recorded with zero counts]
AS
BEGIN
    EXEC quality.record_batch_governance @batch_id = 4;

    SELECT batch_id, rows_read, rows_rejected, rows_loaded,
           missing_customer_rows, duplicate_rows, cancellation_rows, cancellation_invoices,
           adjustment_rows, non_positive_quantity_rows, non_positive_price_rows,
           clean_rows, clean_revenue, clean_customers
    INTO #actual
    FROM quality.batch_governance;

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected
        (batch_id, rows_read, rows_rejected, rows_loaded,
         missing_customer_rows, duplicate_rows, cancellation_rows, cancellation_invoices,
         adjustment_rows, non_positive_quantity_rows, non_positive_price_rows,
         clean_rows, clean_revenue, clean_customers)
    VALUES (4, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.000, 0);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE quality_tests.[test an unknown batch records nothing]
AS
BEGIN
    EXEC quality.record_batch_governance @batch_id = 42;

    EXEC tSQLt.AssertEmptyTable @TableName = N'quality.batch_governance';
END;
GO
