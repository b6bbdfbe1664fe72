--liquibase formatted sql

-- Rebuilds mart.customer_country_month, sales per customer, invoice country
-- and month, from mart.invoice_summary (refreshed first).
--changeset ecom:mart.refresh_customer_country_month runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE mart.refresh_customer_country_month
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    DELETE FROM mart.customer_country_month;
    INSERT INTO mart.customer_country_month (customer_id, month_start, country_id, orders, revenue, net_revenue, quantity)
    SELECT customer_id, month_start, country_id, COUNT(*), SUM(revenue), SUM(net_revenue), SUM(quantity)
    FROM mart.invoice_summary
    GROUP BY customer_id, month_start, country_id;
END;
GO
