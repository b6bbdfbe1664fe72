--liquibase formatted sql

-- Refreshes mart.customer_country_month, sales per customer, invoice country
-- and month, from mart.invoice_summary (refreshed first): the customer-months
-- a batch touched (mart.touched_customer_month), or with a null batch all.
--changeset ecom:mart.refresh_customer_country_month runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE mart.refresh_customer_country_month
    @batch_id bigint = NULL
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    SELECT t.customer_id, t.month_start
    INTO #touched_customer_month
    FROM mart.touched_customer_month(@batch_id) AS t
    OPTION (RECOMPILE);

    IF @batch_id IS NULL
        DELETE FROM mart.customer_country_month;
    ELSE
        DELETE m
        FROM mart.customer_country_month AS m
        INNER JOIN #touched_customer_month AS t
            ON t.customer_id = m.customer_id AND t.month_start = m.month_start;

    INSERT INTO mart.customer_country_month (customer_id, month_start, country_id, orders, revenue, net_revenue, quantity)
    SELECT s.customer_id, s.month_start, s.country_id, COUNT(*), SUM(s.revenue), SUM(s.net_revenue), SUM(s.quantity)
    FROM mart.invoice_summary AS s
    INNER JOIN #touched_customer_month AS t
        ON t.customer_id = s.customer_id AND t.month_start = s.month_start
    GROUP BY s.customer_id, s.month_start, s.country_id;
END;
GO
