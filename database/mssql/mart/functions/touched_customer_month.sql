--liquibase formatted sql

-- The customer-months a batch may have changed, read from the refreshed
-- mart.invoice_summary: those of its sales invoices (mart.touched_invoice).
--changeset ecom:mart.touched_customer_month runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER FUNCTION mart.touched_customer_month (@batch_id bigint)
RETURNS TABLE
AS
RETURN
SELECT DISTINCT s.customer_id, s.month_start
FROM mart.invoice_summary AS s
WHERE s.invoice_no IN (SELECT t.invoice_no FROM mart.touched_invoice(@batch_id) AS t);
GO
