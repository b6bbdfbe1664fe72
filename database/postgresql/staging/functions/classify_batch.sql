--liquibase formatted sql

-- The governance rules, in one place: every staged row of one batch with a
-- flag per exclusion category. Categories overlap (a cancellation can also
-- lack a customer); a row is clean only when no flag is set.
-- A row is an exact duplicate when all eight source fields equal those of an
-- earlier row: earlier in the same batch (by line number) or in an earlier
-- batch. The first copy stays. Earlier batches are only searched for the
-- invoices of this batch, so the cost follows the batch, not the history.
--changeset ecom:staging.classify_batch runOnChange:true splitStatements:false
CREATE OR REPLACE FUNCTION staging.classify_batch(p_batch_id bigint)
RETURNS TABLE (
    batch_id bigint, line_number integer, invoice varchar, stock_code varchar, description varchar,
    quantity integer, invoice_date timestamp, price numeric, customer_id integer, country varchar,
    is_missing_customer boolean, is_duplicate boolean, is_cancellation boolean, is_adjustment boolean,
    is_non_positive_quantity boolean, is_non_positive_price boolean, is_clean boolean)
LANGUAGE sql
STABLE
AS $$
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
    SELECT c.*,
           ROW_NUMBER() OVER (
               PARTITION BY c.invoice, c.stock_code, c.description, c.quantity,
                            c.invoice_date, c.price, c.customer_id, c.country
               ORDER BY c.batch_id, c.line_number) AS copy_number
    FROM candidate AS c
), flagged AS (
    SELECT n.batch_id, n.line_number, n.invoice, n.stock_code, n.description, n.quantity,
           n.invoice_date, n.price, n.customer_id, n.country,
           n.customer_id IS NULL AS is_missing_customer,
           n.copy_number > 1     AS is_duplicate,
           n.invoice LIKE 'C%'   AS is_cancellation,
           n.invoice LIKE 'A%'   AS is_adjustment,
           n.quantity <= 0       AS is_non_positive_quantity,
           n.price <= 0          AS is_non_positive_price
    FROM numbered AS n
    WHERE n.batch_id = p_batch_id
)
SELECT f.*,
       NOT (f.is_missing_customer OR f.is_duplicate OR f.is_cancellation OR f.is_adjustment
            OR f.is_non_positive_quantity OR f.is_non_positive_price) AS is_clean
FROM flagged AS f;
$$;
