-- tSQLt test class for the kpi schema: the reporting views on faked
-- governance and batch tables. One test procedure (or more) per view.
-- Not deployed by Liquibase: `./ecom test-db` installs and runs it.
EXEC tSQLt.NewTestClass 'kpi_tests';
GO

-- Two governed batches, and batch 3 loaded but not governed yet.
CREATE OR ALTER PROCEDURE kpi_tests.[fake governed batches]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'staging.load_batch';
    EXEC tSQLt.FakeTable @TableName = N'quality.batch_governance';

    INSERT INTO staging.load_batch
        (batch_id, file_name, file_sha256, file_format, rows_read, rows_loaded, rows_rejected, started_at, status)
    VALUES (1, N'online_retail_2009_2010.csv.gz', REPLICATE('1', 64), 'csv.gz', 525461, 525461, 0, '2024-01-10T09:00:00', 'cleaned'),
           (2, N'online_retail_2010_2011.xlsx', REPLICATE('2', 64), 'xlsx', 541912, 541910, 2, '2024-01-11T09:00:00', 'cleaned'),
           (3, N'late_file.csv', REPLICATE('3', 64), 'csv', 10, 10, 0, '2024-01-12T09:00:00', 'staged');

    INSERT INTO quality.batch_governance
        (batch_id, rows_read, rows_rejected, rows_loaded,
         missing_customer_rows, duplicate_rows, cancellation_rows, cancellation_invoices,
         adjustment_rows, non_positive_quantity_rows, non_positive_price_rows,
         clean_rows, clean_revenue, clean_customers, recorded_at)
    VALUES (1, 525461, 0, 525461, 107927, 6865, 10206, 4372, 3, 12326, 3690, 400947, 8832003.274, 4312, '2024-01-10T09:00:10'),
           (2, 541912, 2, 541910, 135080, 5268, 9288, 3836, 3, 10624, 2517, 392692, 8911407.904, 4338, '2024-01-11T09:00:10');
END;
GO

CREATE OR ALTER PROCEDURE kpi_tests.[test data_quality_funnel has a row per governed batch and an overall row]
AS
BEGIN
    EXEC kpi_tests.[fake governed batches];

    SELECT *
    INTO #actual
    FROM kpi.data_quality_funnel;

    -- The overall row has batch_id NULL and the first file name; batch 3 has
    -- no governance record, so it is in neither the batch rows nor the total.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected
        (batch_id, file_name, rows_read, rows_rejected, missing_customer_rows, duplicate_rows,
         cancellation_rows, adjustment_rows, non_positive_quantity_rows, non_positive_price_rows,
         clean_rows, clean_revenue)
    VALUES (1, N'online_retail_2009_2010.csv.gz', 525461, 0, 107927, 6865, 10206, 3, 12326, 3690, 400947, 8832003.274),
           (2, N'online_retail_2010_2011.xlsx', 541912, 2, 135080, 5268, 9288, 3, 10624, 2517, 392692, 8911407.904),
           (NULL, N'online_retail_2009_2010.csv.gz', 1067373, 2, 243007, 12133, 19494, 6, 22950, 6207, 793639, 17743411.178);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE kpi_tests.[test data_quality_funnel overall row equals the sum of the batch rows]
AS
BEGIN
    EXEC kpi_tests.[fake governed batches];

    DECLARE @batch_clean_rows int, @overall_clean_rows int, @overall_rows int;
    SELECT @batch_clean_rows = SUM(clean_rows) FROM kpi.data_quality_funnel WHERE batch_id IS NOT NULL;
    SELECT @overall_clean_rows = clean_rows FROM kpi.data_quality_funnel WHERE batch_id IS NULL;
    SELECT @overall_rows = COUNT(*) FROM kpi.data_quality_funnel WHERE batch_id IS NULL;

    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @overall_rows, @Message = N'one overall row';
    EXEC tSQLt.AssertEquals @Expected = @batch_clean_rows, @Actual = @overall_clean_rows, @Message = N'overall clean_rows';
END;
GO
