--liquibase formatted sql

-- The governance rules, in one place: every staged row of one batch with a
-- flag per exclusion category. Categories overlap (a cancellation can also
-- lack a customer); a row is clean only when no flag is set.
-- A row is an exact duplicate when all eight source fields equal those of an
-- earlier row: earlier in the same batch (by line number) or in an earlier
-- batch. The first copy stays. Earlier batches are only searched for the
-- invoices of this batch, so the cost follows the batch, not the history.
-- An inline table-valued function: the optimizer expands it into the caller.
--changeset ecom:staging.classify_batch runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER FUNCTION staging.classify_batch (@batch_id bigint)
RETURNS TABLE
AS
RETURN
WITH candidate AS (
    SELECT r.batch_id, r.line_number, r.invoice, r.stock_code, r.description, r.quantity,
           r.invoice_date, r.price, r.customer_id, r.country
    FROM staging.retail_line AS r
    WHERE r.batch_id = @batch_id
    UNION ALL
    SELECT r.batch_id, r.line_number, r.invoice, r.stock_code, r.description, r.quantity,
           r.invoice_date, r.price, r.customer_id, r.country
    FROM staging.retail_line AS r
    WHERE r.batch_id < @batch_id
      AND r.invoice IN (SELECT t.invoice FROM staging.retail_line AS t WHERE t.batch_id = @batch_id)
),
numbered AS (
    SELECT c.*,
           ROW_NUMBER() OVER (
               PARTITION BY c.invoice, c.stock_code, c.description, c.quantity,
                            c.invoice_date, c.price, c.customer_id, c.country
               ORDER BY c.batch_id, c.line_number) AS copy_number
    FROM candidate AS c
),
flagged AS (
    -- 1/0 flags here; they become bit only in the outer SELECT, so is_clean can add them up.
    SELECT n.batch_id, n.line_number, n.invoice, n.stock_code, n.description, n.quantity,
           n.invoice_date, n.price, n.customer_id, n.country,
           CASE WHEN n.customer_id IS NULL THEN 1 ELSE 0 END AS missing_customer,
           CASE WHEN n.copy_number > 1 THEN 1 ELSE 0 END AS duplicate,
           CASE WHEN n.invoice LIKE 'C%' THEN 1 ELSE 0 END AS cancellation,
           CASE WHEN n.invoice LIKE 'A%' THEN 1 ELSE 0 END AS adjustment,
           CASE WHEN n.quantity <= 0 THEN 1 ELSE 0 END AS non_positive_quantity,
           CASE WHEN n.price <= 0 THEN 1 ELSE 0 END AS non_positive_price
    FROM numbered AS n
    WHERE n.batch_id = @batch_id
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
