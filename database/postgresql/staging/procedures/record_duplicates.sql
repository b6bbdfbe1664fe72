--liquibase formatted sql

-- Records which rows of one staged batch are exact duplicates into
-- staging.duplicate_line (replacing any earlier record of the batch): all
-- eight source fields equal those of an earlier row, earlier in the same
-- batch (by line number) or in an earlier batch. The first copy stays.
-- Earlier batches are searched only for the invoices of this batch, through
-- ix_retail_line_invoice, so the cost follows the batch, not the history.
--changeset ecom:staging.record_duplicates runOnChange:true splitStatements:false
CREATE OR REPLACE PROCEDURE staging.record_duplicates(p_batch_id bigint)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- The plan depends on fresh statistics of staging.retail_line: the
    -- Pipeline refreshes them after staging (staging.refresh_statistics).
    DELETE FROM staging.duplicate_line WHERE batch_id = p_batch_id;

    INSERT INTO staging.duplicate_line (batch_id, line_number)
    WITH candidate AS (
        SELECT r.*
        FROM staging.retail_line AS r
        WHERE r.batch_id = p_batch_id
        UNION ALL
        SELECT r.*
        FROM staging.retail_line AS r
        WHERE r.batch_id < p_batch_id
          AND r.invoice IN (SELECT t.invoice FROM staging.retail_line AS t WHERE t.batch_id = p_batch_id)
    ), numbered AS (
        SELECT c.batch_id, c.line_number,
               ROW_NUMBER() OVER (
                   PARTITION BY c.invoice, c.stock_code, c.description, c.quantity,
                                c.invoice_date, c.price, c.customer_id, c.country
                   ORDER BY c.batch_id, c.line_number) AS copy_number
        FROM candidate AS c
    )
    SELECT n.batch_id, n.line_number
    FROM numbered AS n
    WHERE n.batch_id = p_batch_id
      AND n.copy_number > 1;
END;
$$;
