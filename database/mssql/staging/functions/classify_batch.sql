--liquibase formatted sql

-- The governance rules, in one place: every staged row of one batch with a
-- flag per exclusion category. Categories overlap (a cancellation can also
-- lack a customer); a row is clean only when no flag is set.
-- A row is an exact duplicate when staging.record_duplicates recorded it so
-- (quality.record_batch_governance runs it first): the only rule that
-- compares rows, worked out once per batch; the others read the row alone.
-- An inline table-valued function: the optimizer expands it into the caller.
--changeset ecom:staging.classify_batch runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER FUNCTION staging.classify_batch (@batch_id bigint)
RETURNS TABLE
AS
RETURN
WITH flagged AS (
    -- 1/0 flags here; they become bit only in the outer SELECT, so is_clean can add them up.
    SELECT r.batch_id, r.line_number, r.invoice, r.stock_code, r.description, r.quantity,
           r.invoice_date, r.price, r.customer_id, r.country,
           CASE WHEN r.customer_id IS NULL THEN 1 ELSE 0 END AS missing_customer,
           CASE WHEN d.line_number IS NOT NULL THEN 1 ELSE 0 END AS duplicate,
           CASE WHEN r.invoice LIKE 'C%' THEN 1 ELSE 0 END AS cancellation,
           CASE WHEN r.invoice LIKE 'A%' THEN 1 ELSE 0 END AS adjustment,
           CASE WHEN r.quantity <= 0 THEN 1 ELSE 0 END AS non_positive_quantity,
           CASE WHEN r.price <= 0 THEN 1 ELSE 0 END AS non_positive_price
    FROM staging.retail_line AS r
    LEFT JOIN staging.duplicate_line AS d ON d.batch_id = r.batch_id AND d.line_number = r.line_number
    WHERE r.batch_id = @batch_id
)
SELECT batch_id, line_number, invoice, stock_code, description, quantity, invoice_date,
       price, customer_id, country,
       CAST(missing_customer AS bit)      AS is_missing_customer,
       CAST(duplicate AS bit)             AS is_duplicate,
       CAST(cancellation AS bit)          AS is_cancellation,
       CAST(adjustment AS bit)            AS is_adjustment,
       CAST(non_positive_quantity AS bit) AS is_non_positive_quantity,
       CAST(non_positive_price AS bit)    AS is_non_positive_price,
       CAST(CASE WHEN missing_customer + duplicate + cancellation + adjustment
                      + non_positive_quantity + non_positive_price = 0
                 THEN 1 ELSE 0 END AS bit) AS is_clean
FROM flagged;
GO
