--liquibase formatted sql

-- Rebuilds mart.monthly_summary, one row per month with sales, from
-- mart.invoice_summary and mart.customer_month (both refreshed first).
--changeset ecom:mart.refresh_monthly_summary runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE mart.refresh_monthly_summary
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    -- A month is partial when the data starts after its first day or ends before its last.
    DECLARE @first_day date, @last_day date;
    SELECT @first_day = CAST(MIN(invoice_date) AS date), @last_day = CAST(MAX(invoice_date) AS date)
    FROM mart.invoice_summary;

    DELETE FROM mart.monthly_summary;
    WITH first_month AS (
        SELECT customer_id, MIN(month_start) AS month_start
        FROM mart.customer_month
        GROUP BY customer_id
    )
    INSERT INTO mart.monthly_summary (month_start, revenue, net_revenue, orders, active_customers, new_customers,
                                      quantity, is_partial)
    SELECT m.month_start, SUM(m.revenue), SUM(m.net_revenue), COUNT(*), COUNT(DISTINCT m.customer_id),
           (SELECT COUNT(*) FROM first_month AS f WHERE f.month_start = m.month_start),
           SUM(m.quantity),
           CASE WHEN @first_day > m.month_start OR @last_day < EOMONTH(m.month_start)
                THEN CAST(1 AS bit) ELSE CAST(0 AS bit) END
    FROM mart.invoice_summary AS m
    GROUP BY m.month_start;
END;
GO
