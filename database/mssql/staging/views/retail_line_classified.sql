--liquibase formatted sql

-- The governance rules, in one place: every staged row with one flag per
-- exclusion category. Categories overlap (a cancellation can also lack a
-- customer); a row is clean only when no flag is set. A row is an exact
-- duplicate when all eight source fields equal those of an earlier row of the
-- same batch (by line number) or of any earlier batch: the first copy stays.
-- Filter on batch_id: it is pushed below the window function.
--changeset ecom:staging.retail_line_classified runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW staging.retail_line_classified
AS
WITH numbered AS (
    SELECT r.batch_id, r.line_number, r.invoice, r.stock_code, r.description, r.quantity,
           r.invoice_date, r.price, r.customer_id, r.country,
           ROW_NUMBER() OVER (
               PARTITION BY r.batch_id, r.invoice, r.stock_code, r.description, r.quantity,
                            r.invoice_date, r.price, r.customer_id, r.country
               ORDER BY r.line_number) AS copy_number
    FROM staging.retail_line AS r
),
flagged AS (
    -- 1/0 flags here; they become bit only in the outer SELECT, so is_clean can add them up.
    SELECT n.batch_id, n.line_number, n.invoice, n.stock_code, n.description, n.quantity,
           n.invoice_date, n.price, n.customer_id, n.country,
           CASE WHEN n.customer_id IS NULL THEN 1 ELSE 0 END AS missing_customer,
           CASE WHEN n.copy_number > 1 OR EXISTS (
                    SELECT 1
                    FROM staging.retail_line AS e
                    WHERE e.batch_id < n.batch_id
                      AND e.invoice = n.invoice
                      AND e.stock_code = n.stock_code
                      AND COALESCE(e.description, N'') = COALESCE(n.description, N'')
                      AND e.quantity = n.quantity
                      AND e.invoice_date = n.invoice_date
                      AND e.price = n.price
                      AND COALESCE(e.customer_id, -1) = COALESCE(n.customer_id, -1)
                      AND e.country = n.country)
                THEN 1 ELSE 0 END AS duplicate,
           CASE WHEN n.invoice LIKE 'C%' THEN 1 ELSE 0 END AS cancellation,
           CASE WHEN n.invoice LIKE 'A%' THEN 1 ELSE 0 END AS adjustment,
           CASE WHEN n.quantity <= 0 THEN 1 ELSE 0 END AS non_positive_quantity,
           CASE WHEN n.price <= 0 THEN 1 ELSE 0 END AS non_positive_price
    FROM numbered AS n
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
