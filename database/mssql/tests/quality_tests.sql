-- tSQLt test class for the quality schema: quality.record_batch_governance
-- counts each exclusion category of a batch (from staging.classify_batch) into
-- a faked quality.batch_governance, and a second run replaces the record;
-- quality.detect_quantity_anomalies and the robust per-product method flag
-- the lines of a faked sales.invoice_line into a faked quality.anomaly.
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
    EXEC tSQLt.FakeTable @TableName = N'staging.duplicate_line';
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

-- AnomalyContractTest's 46 clean lines, one invoice each, in a faked
-- sales.invoice_line that numbers them (@Identity = 1) and a faked
-- quality.anomaly; source_line_number is the fixture's line:
--   product 10001, 21 lines: quantity 1 (lines 2-8), 2 (9-15), 3 (16-21), 100 (22);
--                            price 2.00, except 1.50 on line 22
--   product 10002, 20 lines: quantity 1 (lines 23-41), 12 (42); price 0.85
--   product 10003,  5 lines: quantity 10 (lines 43-46), 2000 (47); price 5.00
-- Global z: mean 2210 / 46 = 48.043478, population sd 291.341571 (the sample
-- sd, 294.560913, would give line 47 a z of 6.627 instead of 6.700).
-- Robust z per product of at least 20 lines (10001, 10002; not 10003):
--   10001 median 2, MAD 1: line 22 0.6745 * 98 = 66.101, lines of 1 and 3 -/+0.6745;
--   10002 median 1, MAD 0: the mean absolute deviation 11 / 20 = 0.55 instead,
--   line 42 11 / (1.253314 * 0.55) = 15.958;
--   10001 price: MAD 0, mean absolute deviation 0.50 / 21: line 22 -16.756.
CREATE OR ALTER PROCEDURE quality_tests.[fake the anomaly lines]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'sales.invoice_line', @Identity = 1, @ComputedColumns = 1;
    EXEC tSQLt.FakeTable @TableName = N'quality.anomaly', @Identity = 1;

    INSERT INTO sales.invoice_line (invoice_no, stock_code, quantity, unit_price, batch_id, source_line_number)
    SELECT CAST(500000 + n.line_number AS varchar(20)), r.stock_code, r.quantity, r.unit_price, 1, n.line_number
    FROM (VALUES (2, 8, '10001', 1, 2.000), (9, 15, '10001', 2, 2.000), (16, 21, '10001', 3, 2.000),
                 (22, 22, '10001', 100, 1.500), (23, 41, '10002', 1, 0.850), (42, 42, '10002', 12, 0.850),
                 (43, 46, '10003', 10, 5.000), (47, 47, '10003', 2000, 5.000))
         AS r (first_line, last_line, stock_code, quantity, unit_price)
    INNER JOIN (SELECT t.d * 10 + u.d AS line_number
                FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS t (d)
                CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS u (d)) AS n
            ON n.line_number BETWEEN r.first_line AND r.last_line;
END;
GO

CREATE OR ALTER PROCEDURE quality_tests.[test detect_quantity_anomalies flags by the population z and by the robust z per product]
AS
BEGIN
    EXEC quality_tests.[fake the anomaly lines];

    EXEC quality.detect_quantity_anomalies;

    SELECT l.source_line_number, a.method, CAST(a.score AS decimal(9, 3)) AS score, a.threshold
    INTO #actual
    FROM quality.anomaly AS a
    INNER JOIN sales.invoice_line AS l ON l.invoice_line_id = a.invoice_line_id;

    -- Line 22 is z = 0.178 globally: only the robust method sees it. 10003 has
    -- too few lines for the robust method.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (source_line_number, method, score, threshold)
    VALUES (47, 'quantity_zscore', 6.700, 3.000),
           (22, 'quantity_robust_product', 66.101, 3.500),
           (42, 'quantity_robust_product', 15.958, 3.500);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE quality_tests.[test detect_quantity_anomalies replaces its own rows and leaves the price method alone]
AS
BEGIN
    EXEC quality_tests.[fake the anomaly lines];
    -- Stale rows of both quantity methods on line 2, and a price row on line 22.
    INSERT INTO quality.anomaly (invoice_line_id, method, score, threshold, detected_at)
    SELECT l.invoice_line_id, m.method, 99.000000, 1.000, '2024-01-01T00:00:00'
    FROM sales.invoice_line AS l
    CROSS JOIN (VALUES ('quantity_zscore'), ('quantity_robust_product')) AS m (method)
    WHERE l.source_line_number = 2;
    INSERT INTO quality.anomaly (invoice_line_id, method, score, threshold, detected_at)
    SELECT l.invoice_line_id, 'price_robust_product', -16.755578, 3.500, '2024-01-01T00:00:00'
    FROM sales.invoice_line AS l
    WHERE l.source_line_number = 22;

    EXEC quality.detect_quantity_anomalies;
    EXEC quality.detect_quantity_anomalies;

    SELECT l.source_line_number, a.method, CAST(a.score AS decimal(9, 3)) AS score
    INTO #actual
    FROM quality.anomaly AS a
    INNER JOIN sales.invoice_line AS l ON l.invoice_line_id = a.invoice_line_id;

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (source_line_number, method, score)
    VALUES (47, 'quantity_zscore', 6.700),
           (22, 'quantity_robust_product', 66.101),
           (42, 'quantity_robust_product', 15.958),
           (22, 'price_robust_product', -16.756);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE quality_tests.[test detect_quantity_anomalies uses the thresholds it is given]
AS
BEGIN
    EXEC quality_tests.[fake the anomaly lines];

    EXEC quality.detect_quantity_anomalies @threshold = 7.0, @robust_threshold = 0.5;

    SELECT l.source_line_number, a.method, CAST(a.score AS decimal(9, 3)) AS score, a.threshold
    INTO #actual
    FROM quality.anomaly AS a
    INNER JOIN sales.invoice_line AS l ON l.invoice_line_id = a.invoice_line_id;

    -- 6.700 < 7: no global flag. |0.6745| > 0.5: the 13 lines of 1 and 3 units
    -- of 10001 join lines 22 and 42; the lines of 2 units (the median) score 0.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (source_line_number, method, score, threshold)
    SELECT l.source_line_number, 'quantity_robust_product',
           CASE WHEN l.quantity = 1 THEN -0.675 ELSE 0.675 END, 0.500
    FROM sales.invoice_line AS l
    WHERE l.stock_code = '10001' AND l.quantity IN (1, 3);
    INSERT INTO #expected (source_line_number, method, score, threshold)
    VALUES (22, 'quantity_robust_product', 66.101, 0.500),
           (42, 'quantity_robust_product', 15.958, 0.500);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE quality_tests.[test detect_robust_product_anomalies on prices falls back to the mean absolute deviation]
AS
BEGIN
    EXEC quality_tests.[fake the anomaly lines];

    EXEC quality.detect_robust_product_anomalies @measure = 'price', @threshold = 3.5;

    SELECT l.source_line_number, a.method, CAST(a.score AS decimal(9, 3)) AS score, a.threshold
    INTO #actual
    FROM quality.anomaly AS a
    INNER JOIN sales.invoice_line AS l ON l.invoice_line_id = a.invoice_line_id;

    -- 10001: MAD 0, so -0.50 / (1.253314 * 0.50 / 21) = -16.756 for line 22.
    -- 10002: every price 0.85, mean absolute deviation 0: nothing. 10003: too few lines.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (source_line_number, method, score, threshold)
    VALUES (22, 'price_robust_product', -16.756, 3.500);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE quality_tests.[test detect_robust_product_anomalies skips a product of fewer than 20 lines]
AS
BEGIN
    EXEC quality_tests.[fake the anomaly lines];
    -- Product 10002 down to 19 lines: its line 42 is no longer scored.
    DELETE FROM sales.invoice_line WHERE source_line_number = 23;

    EXEC quality.detect_robust_product_anomalies @measure = 'quantity', @threshold = 3.5;

    SELECT l.source_line_number, a.method
    INTO #actual
    FROM quality.anomaly AS a
    INNER JOIN sales.invoice_line AS l ON l.invoice_line_id = a.invoice_line_id;

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (source_line_number, method)
    VALUES (22, 'quantity_robust_product');

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO
