--liquibase formatted sql

-- The governance rules, in one place: every staged row with one flag per
-- exclusion category. Categories overlap (a cancellation can also lack a
-- customer); a row is clean only when no flag is set. A row is an exact
-- duplicate when all eight source fields equal those of an earlier row of the
-- same batch (by line number) or of any earlier batch: the first copy stays.
-- Filter on batch_id: it is pushed below the window function.
--changeset ecom:staging.retail_line_classified runOnChange:true
CREATE OR REPLACE VIEW staging.retail_line_classified AS
WITH numbered AS (
    SELECT r.*,
           ROW_NUMBER() OVER (
               PARTITION BY r.batch_id, r.invoice, r.stock_code, r.description, r.quantity,
                            r.invoice_date, r.price, r.customer_id, r.country
               ORDER BY r.line_number) AS copy_number
    FROM staging.retail_line AS r
), flagged AS (
    SELECT n.*,
           n.customer_id IS NULL AS is_missing_customer,
           (n.copy_number > 1 OR EXISTS (
               SELECT 1
               FROM staging.retail_line AS e
               WHERE e.batch_id < n.batch_id
                 AND e.invoice = n.invoice
                 AND e.stock_code = n.stock_code
                 AND COALESCE(e.description, '') = COALESCE(n.description, '')
                 AND e.quantity = n.quantity
                 AND e.invoice_date = n.invoice_date
                 AND e.price = n.price
                 AND COALESCE(e.customer_id, -1) = COALESCE(n.customer_id, -1)
                 AND e.country = n.country)) AS is_duplicate,
           n.invoice LIKE 'C%' AS is_cancellation,
           n.invoice LIKE 'A%' AS is_adjustment,
           n.quantity <= 0 AS is_non_positive_quantity,
           n.price <= 0 AS is_non_positive_price
    FROM numbered AS n
)
SELECT batch_id, line_number, invoice, stock_code, description, quantity, invoice_date,
       price, customer_id, country,
       is_missing_customer, is_duplicate, is_cancellation, is_adjustment,
       is_non_positive_quantity, is_non_positive_price,
       NOT (is_missing_customer OR is_duplicate OR is_cancellation OR is_adjustment
            OR is_non_positive_quantity OR is_non_positive_price) AS is_clean
FROM flagged;
