--liquibase formatted sql

-- Rebuilds mart.customer_month, revenue and orders per customer and month,
-- from mart.invoice_summary (refreshed first).
--changeset ecom:mart.refresh_customer_month runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE mart.refresh_customer_month
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    DELETE FROM mart.customer_month;
    INSERT INTO mart.customer_month (customer_id, month_start, revenue, net_revenue, orders)
    SELECT customer_id, month_start, SUM(revenue), SUM(net_revenue), COUNT(*)
    FROM mart.invoice_summary
    GROUP BY customer_id, month_start;
END;
GO
