-- tSQLt test class for the staging schema: the governance rules of
-- staging.classify_batch (after staging.record_duplicates), one flag at a
-- time, on hand-made rows in a faked staging.retail_line (no constraints,
-- no foreign key to load_batch; the BIN2 collations stay, so case-sensitivity
-- is tested for real).
-- Not deployed by Liquibase: `./ecom test-db` installs and runs it.
EXEC tSQLt.NewTestClass 'staging_tests';
GO

CREATE OR ALTER PROCEDURE staging_tests.[test a line without customer is flagged missing customer and is not clean]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'staging.retail_line';
    EXEC tSQLt.FakeTable @TableName = N'staging.duplicate_line';
    INSERT INTO staging.retail_line
        (batch_id, line_number, invoice, stock_code, description, quantity, invoice_date, price, customer_id, country)
    VALUES (1, 1, '489434', '85048', N'15CM CHRISTMAS GLASS BALL 20 LIGHTS', 12, '2009-12-01T07:45:00', 6.950, 13085, N'United Kingdom'),
           (1, 2, '489435', '22350', N'CAT BOWL', 12, '2009-12-01T07:46:00', 2.550, NULL, N'United Kingdom');

    EXEC staging.record_duplicates @batch_id = 1;

    SELECT line_number, is_missing_customer, is_clean
    INTO #actual
    FROM staging.classify_batch(1);

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (line_number, is_missing_customer, is_clean)
    VALUES (1, 0, 1),
           (2, 1, 0);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE staging_tests.[test the second copy of a line in the same batch is a duplicate and the first is kept]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'staging.retail_line';
    EXEC tSQLt.FakeTable @TableName = N'staging.duplicate_line';
    INSERT INTO staging.retail_line
        (batch_id, line_number, invoice, stock_code, description, quantity, invoice_date, price, customer_id, country)
    VALUES (1, 1, '489434', '85048', N'15CM CHRISTMAS GLASS BALL 20 LIGHTS', 12, '2009-12-01T07:45:00', 6.950, 13085, N'United Kingdom'),
           (1, 2, '489434', '79323P', N'PINK CHERRY LIGHTS', 12, '2009-12-01T07:45:00', 6.750, 13085, N'United Kingdom'),
           (1, 3, '489434', '85048', N'15CM CHRISTMAS GLASS BALL 20 LIGHTS', 12, '2009-12-01T07:45:00', 6.950, 13085, N'United Kingdom'),
           (1, 4, '489434', '85048', N'15CM CHRISTMAS GLASS BALL 20 LIGHTS', 12, '2009-12-01T07:45:00', 6.950, 13085, N'United Kingdom');

    EXEC staging.record_duplicates @batch_id = 1;

    SELECT line_number, is_duplicate, is_clean
    INTO #actual
    FROM staging.classify_batch(1);

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (line_number, is_duplicate, is_clean)
    VALUES (1, 0, 1),
           (2, 0, 1),
           (3, 1, 0),
           (4, 1, 0);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE staging_tests.[test a line already loaded in an earlier batch is a duplicate]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'staging.retail_line';
    EXEC tSQLt.FakeTable @TableName = N'staging.duplicate_line';
    INSERT INTO staging.retail_line
        (batch_id, line_number, invoice, stock_code, description, quantity, invoice_date, price, customer_id, country)
    VALUES (1, 7, '489434', '85048', N'15CM CHRISTMAS GLASS BALL 20 LIGHTS', 12, '2009-12-01T07:45:00', 6.950, 13085, N'United Kingdom'),
           (2, 1, '489434', '85048', N'15CM CHRISTMAS GLASS BALL 20 LIGHTS', 12, '2009-12-01T07:45:00', 6.950, 13085, N'United Kingdom'),
           (2, 2, '489434', '85048', N'15CM CHRISTMAS GLASS BALL 20 LIGHTS', 24, '2009-12-01T07:45:00', 6.950, 13085, N'United Kingdom');

    EXEC staging.record_duplicates @batch_id = 2;

    SELECT batch_id, line_number, is_duplicate, is_clean
    INTO #actual
    FROM staging.classify_batch(2);

    -- Only the rows of batch 2 come back; the copy in batch 1 stays the kept one.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (batch_id, line_number, is_duplicate, is_clean)
    VALUES (2, 1, 1, 0),
           (2, 2, 0, 1);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE staging_tests.[test a later batch holding the same line does not make an earlier line a duplicate]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'staging.retail_line';
    EXEC tSQLt.FakeTable @TableName = N'staging.duplicate_line';
    INSERT INTO staging.retail_line
        (batch_id, line_number, invoice, stock_code, description, quantity, invoice_date, price, customer_id, country)
    VALUES (1, 1, '489434', '85048', N'15CM CHRISTMAS GLASS BALL 20 LIGHTS', 12, '2009-12-01T07:45:00', 6.950, 13085, N'United Kingdom'),
           (2, 1, '489434', '85048', N'15CM CHRISTMAS GLASS BALL 20 LIGHTS', 12, '2009-12-01T07:45:00', 6.950, 13085, N'United Kingdom');

    EXEC staging.record_duplicates @batch_id = 1;

    SELECT batch_id, line_number, is_duplicate, is_clean
    INTO #actual
    FROM staging.classify_batch(1);

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (batch_id, line_number, is_duplicate, is_clean)
    VALUES (1, 1, 0, 1);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE staging_tests.[test lines that differ in one field or only in letter case are not duplicates]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'staging.retail_line';
    EXEC tSQLt.FakeTable @TableName = N'staging.duplicate_line';
    INSERT INTO staging.retail_line
        (batch_id, line_number, invoice, stock_code, description, quantity, invoice_date, price, customer_id, country)
    VALUES (1, 1, '489434', '85123A', N'WHITE HANGING HEART T-LIGHT HOLDER', 6, '2009-12-01T07:45:00', 2.550, 13085, N'United Kingdom'),
           (1, 2, '489434', '85123a', N'WHITE HANGING HEART T-LIGHT HOLDER', 6, '2009-12-01T07:45:00', 2.550, 13085, N'United Kingdom'),
           (1, 3, '489434', '85123A', N'White Hanging Heart T-Light Holder', 6, '2009-12-01T07:45:00', 2.550, 13085, N'United Kingdom'),
           (1, 4, '489434', '85123A', N'WHITE HANGING HEART T-LIGHT HOLDER', 6, '2009-12-01T07:46:00', 2.550, 13085, N'United Kingdom'),
           (1, 5, '489434', '85123A', N'WHITE HANGING HEART T-LIGHT HOLDER', 6, '2009-12-01T07:45:00', 2.950, 13085, N'United Kingdom'),
           (1, 6, '489434', '85123A', N'WHITE HANGING HEART T-LIGHT HOLDER', 6, '2009-12-01T07:45:00', 2.550, 13086, N'United Kingdom'),
           (1, 7, '489434', '85123A', N'WHITE HANGING HEART T-LIGHT HOLDER', 6, '2009-12-01T07:45:00', 2.550, 13085, N'EIRE');

    EXEC staging.record_duplicates @batch_id = 1;

    SELECT line_number, is_duplicate
    INTO #actual
    FROM staging.classify_batch(1);

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (line_number, is_duplicate)
    VALUES (1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 0), (7, 0);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE staging_tests.[test lines equal but for missing description and customer are duplicates]
AS
BEGIN
    -- NULL matches NULL in the duplicate rule (ROW_NUMBER partitions group NULLs together).
    EXEC tSQLt.FakeTable @TableName = N'staging.retail_line';
    EXEC tSQLt.FakeTable @TableName = N'staging.duplicate_line';
    INSERT INTO staging.retail_line
        (batch_id, line_number, invoice, stock_code, description, quantity, invoice_date, price, customer_id, country)
    VALUES (1, 1, '489521', '21646', NULL, -50, '2009-12-01T11:41:00', 0.000, NULL, N'United Kingdom'),
           (1, 2, '489521', '21646', NULL, -50, '2009-12-01T11:41:00', 0.000, NULL, N'United Kingdom');

    EXEC staging.record_duplicates @batch_id = 1;

    SELECT line_number, is_missing_customer, is_duplicate, is_non_positive_quantity, is_non_positive_price, is_clean
    INTO #actual
    FROM staging.classify_batch(1);

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (line_number, is_missing_customer, is_duplicate, is_non_positive_quantity, is_non_positive_price, is_clean)
    VALUES (1, 1, 0, 1, 1, 0),
           (2, 1, 1, 1, 1, 0);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE staging_tests.[test a C invoice is a cancellation and an A invoice an adjustment]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'staging.retail_line';
    EXEC tSQLt.FakeTable @TableName = N'staging.duplicate_line';
    INSERT INTO staging.retail_line
        (batch_id, line_number, invoice, stock_code, description, quantity, invoice_date, price, customer_id, country)
    VALUES (1, 1, 'C489449', '22087', N'PAPER BUNTING WHITE LACE', -12, '2009-12-01T10:33:00', 2.950, 16321, N'Australia'),
           (1, 2, 'A506401', 'B', N'Adjust bad debt', 1, '2010-04-29T13:36:00', 53594.360, NULL, N'United Kingdom'),
           (1, 3, '489450', '22087', N'PAPER BUNTING WHITE LACE', 12, '2009-12-01T10:35:00', 2.950, 16321, N'Australia'),
           (1, 4, 'c489451', '22087', N'PAPER BUNTING WHITE LACE', 12, '2009-12-01T10:36:00', 2.950, 16321, N'Australia');

    EXEC staging.record_duplicates @batch_id = 1;

    SELECT line_number, is_cancellation, is_adjustment, is_clean
    INTO #actual
    FROM staging.classify_batch(1);

    -- Invoice numbers compare byte for byte: a lower-case 'c' is not a cancellation.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (line_number, is_cancellation, is_adjustment, is_clean)
    VALUES (1, 1, 0, 0),
           (2, 0, 1, 0),
           (3, 0, 0, 1),
           (4, 0, 0, 1);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE staging_tests.[test a zero or negative quantity or price is flagged]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'staging.retail_line';
    EXEC tSQLt.FakeTable @TableName = N'staging.duplicate_line';
    INSERT INTO staging.retail_line
        (batch_id, line_number, invoice, stock_code, description, quantity, invoice_date, price, customer_id, country)
    VALUES (1, 1, '489464', '21733', N'RETRO SPOT PAPER NAPKINS', -96, '2009-12-01T10:52:00', 0.100, 13085, N'United Kingdom'),
           (1, 2, '489465', '21734', N'ZERO QUANTITY', 0, '2009-12-01T10:53:00', 0.100, 13085, N'United Kingdom'),
           (1, 3, '489466', '21735', N'FREE GIFT', 1, '2009-12-01T10:54:00', 0.000, 13085, N'United Kingdom'),
           (1, 4, '489467', '21736', N'NEGATIVE PRICE', 1, '2009-12-01T10:55:00', -0.010, 13085, N'United Kingdom'),
           (1, 5, '489468', '21737', N'ONE PENNY', 1, '2009-12-01T10:56:00', 0.001, 13085, N'United Kingdom');

    EXEC staging.record_duplicates @batch_id = 1;

    SELECT line_number, is_non_positive_quantity, is_non_positive_price, is_clean
    INTO #actual
    FROM staging.classify_batch(1);

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (line_number, is_non_positive_quantity, is_non_positive_price, is_clean)
    VALUES (1, 1, 0, 0),
           (2, 1, 0, 0),
           (3, 0, 1, 0),
           (4, 0, 1, 0),
           (5, 0, 0, 1);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE staging_tests.[test every flag of a mixed batch and the source fields come back unchanged]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'staging.retail_line';
    EXEC tSQLt.FakeTable @TableName = N'staging.duplicate_line';
    INSERT INTO staging.retail_line
        (batch_id, line_number, invoice, stock_code, description, quantity, invoice_date, price, customer_id, country)
    VALUES (1, 1, '489434', '85048', N'15CM CHRISTMAS GLASS BALL 20 LIGHTS', 12, '2009-12-01T07:45:00', 6.950, 13085, N'United Kingdom'),
           (2, 1, '489434', '85048', N'15CM CHRISTMAS GLASS BALL 20 LIGHTS', 12, '2009-12-01T07:45:00', 6.950, 13085, N'United Kingdom'),
           (2, 2, '489435', '22350', N'CAT BOWL', 12, '2009-12-01T07:46:00', 2.550, NULL, N'United Kingdom'),
           (2, 3, 'C489449', '22087', N'PAPER BUNTING WHITE LACE', -12, '2009-12-01T10:33:00', 2.950, NULL, N'Australia'),
           (2, 4, 'A506401', 'B', N'Adjust bad debt', 1, '2010-04-29T13:36:00', 53594.360, NULL, N'United Kingdom'),
           (2, 5, '489436', '21755', N'LOVE BUILDING BLOCK WORD', 18, '2009-12-01T09:06:00', 5.450, 13078, N'United Kingdom');

    EXEC staging.record_duplicates @batch_id = 2;

    SELECT *
    INTO #actual
    FROM staging.classify_batch(2);

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected
        (batch_id, line_number, invoice, stock_code, description, quantity, invoice_date, price, customer_id, country,
         is_missing_customer, is_duplicate, is_cancellation, is_adjustment, is_non_positive_quantity, is_non_positive_price, is_clean)
    VALUES (2, 1, '489434', '85048', N'15CM CHRISTMAS GLASS BALL 20 LIGHTS', 12, '2009-12-01T07:45:00', 6.950, 13085, N'United Kingdom',
            0, 1, 0, 0, 0, 0, 0),
           (2, 2, '489435', '22350', N'CAT BOWL', 12, '2009-12-01T07:46:00', 2.550, NULL, N'United Kingdom',
            1, 0, 0, 0, 0, 0, 0),
           (2, 3, 'C489449', '22087', N'PAPER BUNTING WHITE LACE', -12, '2009-12-01T10:33:00', 2.950, NULL, N'Australia',
            1, 0, 1, 0, 1, 0, 0),
           (2, 4, 'A506401', 'B', N'Adjust bad debt', 1, '2010-04-29T13:36:00', 53594.360, NULL, N'United Kingdom',
            1, 0, 0, 1, 0, 0, 0),
           (2, 5, '489436', '21755', N'LOVE BUILDING BLOCK WORD', 18, '2009-12-01T09:06:00', 5.450, 13078, N'United Kingdom',
            0, 0, 0, 0, 0, 0, 1);

    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO
