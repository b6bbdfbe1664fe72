--liquibase formatted sql

-- Refreshes mart.country_summary, one row per invoice country with sales,
-- from mart.customer_country_month (refreshed first): the countries of the
-- invoices a batch touched (mart.touched_invoice), or with a null batch all.
--changeset ecom:mart.refresh_country_summary runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE mart.refresh_country_summary
    @batch_id bigint = NULL
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    SELECT DISTINCT s.country_id
    INTO #touched_country
    FROM mart.invoice_summary AS s
    WHERE s.invoice_no IN (SELECT t.invoice_no FROM mart.touched_invoice(@batch_id) AS t)
    OPTION (RECOMPILE);

    IF @batch_id IS NULL
        DELETE FROM mart.country_summary;
    ELSE
        DELETE FROM mart.country_summary
        WHERE country_id IN (SELECT t.country_id FROM #touched_country AS t);

    INSERT INTO mart.country_summary (country_id, country_name, revenue, net_revenue, orders, customers)
    SELECT m.country_id, c.country_name, SUM(m.revenue), SUM(m.net_revenue), SUM(m.orders), COUNT(DISTINCT m.customer_id)
    FROM mart.customer_country_month AS m
    INNER JOIN sales.country AS c ON c.country_id = m.country_id
    WHERE m.country_id IN (SELECT t.country_id FROM #touched_country AS t)
    GROUP BY m.country_id, c.country_name;
END;
GO
