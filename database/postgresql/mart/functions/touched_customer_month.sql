--liquibase formatted sql

-- The customer-months a batch may have changed, read from the refreshed
-- mart.invoice_summary: those of its sales invoices (mart.touched_invoice).
--changeset ecom:mart.touched_customer_month runOnChange:true splitStatements:false
CREATE OR REPLACE FUNCTION mart.touched_customer_month(p_batch_id bigint)
RETURNS TABLE (customer_id integer, month_start date)
LANGUAGE sql
STABLE
AS $$
SELECT DISTINCT s.customer_id, s.month_start
FROM mart.invoice_summary AS s
WHERE s.invoice_no IN (SELECT t.invoice_no FROM mart.touched_invoice(p_batch_id) AS t);
$$;
