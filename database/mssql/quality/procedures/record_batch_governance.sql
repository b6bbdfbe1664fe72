--liquibase formatted sql

-- Counts one staged batch into quality.batch_governance (replacing any earlier
-- record of it), from the classification of staging.classify_batch, after
-- recording the batch's duplicates (staging.record_duplicates), which the
-- classification and sales.clean_batch then read.
-- Split on GO only: the semicolons inside the body must reach the server.
--changeset ecom:quality.record_batch_governance runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE quality.record_batch_governance
    @batch_id bigint
AS
BEGIN
    -- The caller owns the transaction; XACT_ABORT rolls all of it back on error.
    SET NOCOUNT, XACT_ABORT ON;

    EXEC staging.record_duplicates @batch_id = @batch_id;

    DELETE FROM quality.batch_governance
    WHERE batch_id = @batch_id;

    -- An aggregate without GROUP BY always returns one row, so the CROSS JOIN
    -- keeps a batch with no staged line (its counts then come out as 0).
    INSERT INTO quality.batch_governance (
        batch_id, rows_read, rows_rejected, rows_loaded,
        missing_customer_rows, duplicate_rows, cancellation_rows, cancellation_invoices,
        adjustment_rows, non_positive_quantity_rows, non_positive_price_rows,
        clean_rows, clean_revenue, clean_customers, recorded_at)
    SELECT b.batch_id, b.rows_read, b.rows_rejected, b.rows_loaded,
           COALESCE(c.missing_customer_rows, 0), COALESCE(c.duplicate_rows, 0),
           COALESCE(c.cancellation_rows, 0), COALESCE(c.cancellation_invoices, 0),
           COALESCE(c.adjustment_rows, 0), COALESCE(c.non_positive_quantity_rows, 0),
           COALESCE(c.non_positive_price_rows, 0), COALESCE(c.clean_rows, 0),
           COALESCE(c.clean_revenue, 0), COALESCE(c.clean_customers, 0),
           SYSDATETIME()
    FROM staging.load_batch AS b
    CROSS JOIN (
        SELECT SUM(CASE WHEN is_missing_customer = 1 THEN 1 ELSE 0 END)      AS missing_customer_rows,
               SUM(CASE WHEN is_duplicate = 1 THEN 1 ELSE 0 END)             AS duplicate_rows,
               SUM(CASE WHEN is_cancellation = 1 THEN 1 ELSE 0 END)          AS cancellation_rows,
               COUNT(DISTINCT CASE WHEN is_cancellation = 1 THEN invoice END) AS cancellation_invoices,
               SUM(CASE WHEN is_adjustment = 1 THEN 1 ELSE 0 END)            AS adjustment_rows,
               SUM(CASE WHEN is_non_positive_quantity = 1 THEN 1 ELSE 0 END) AS non_positive_quantity_rows,
               SUM(CASE WHEN is_non_positive_price = 1 THEN 1 ELSE 0 END)    AS non_positive_price_rows,
               SUM(CASE WHEN is_clean = 1 THEN 1 ELSE 0 END)                 AS clean_rows,
               SUM(CASE WHEN is_clean = 1 THEN quantity * price END)         AS clean_revenue,
               COUNT(DISTINCT CASE WHEN is_clean = 1 THEN customer_id END)   AS clean_customers
        FROM staging.classify_batch(@batch_id)
    ) AS c
    WHERE b.batch_id = @batch_id;
END;
GO
