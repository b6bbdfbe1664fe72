--liquibase formatted sql

-- The governance rules, in one place: every staged row of one batch with a
-- flag per exclusion category. Categories overlap (a cancellation can also
-- lack a customer); a row is clean only when no flag is set.
-- A row is an exact duplicate when staging.record_duplicates recorded it so
-- (quality.record_batch_governance runs it first): the only rule that
-- compares rows, worked out once per batch; the others read the row alone.
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
WITH flagged AS (
    SELECT r.batch_id, r.line_number, r.invoice, r.stock_code, r.description, r.quantity,
           r.invoice_date, r.price, r.customer_id, r.country,
           r.customer_id IS NULL AS is_missing_customer,
           d.line_number IS NOT NULL AS is_duplicate,
           r.invoice LIKE 'C%'   AS is_cancellation,
           r.invoice LIKE 'A%'   AS is_adjustment,
           r.quantity <= 0       AS is_non_positive_quantity,
           r.price <= 0          AS is_non_positive_price
    FROM staging.retail_line AS r
    LEFT JOIN staging.duplicate_line AS d ON d.batch_id = r.batch_id AND d.line_number = r.line_number
    WHERE r.batch_id = p_batch_id
)
SELECT f.*,
       NOT (f.is_missing_customer OR f.is_duplicate OR f.is_cancellation OR f.is_adjustment
            OR f.is_non_positive_quantity OR f.is_non_positive_price) AS is_clean
FROM flagged AS f;
$$;
