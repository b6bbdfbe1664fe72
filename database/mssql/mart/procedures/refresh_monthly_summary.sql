--liquibase formatted sql

-- Refreshes mart.monthly_summary, one row per month with sales, from
-- mart.customer_country_month and mart.customer_month (both refreshed
-- first): the months a batch touched, or with a null batch all of them.
--changeset ecom:mart.refresh_monthly_summary runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE mart.refresh_monthly_summary
    @batch_id bigint = NULL
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    SELECT t.customer_id, t.month_start
    INTO #touched_customer_month
    FROM mart.touched_customer_month(@batch_id) AS t
    OPTION (RECOMPILE);

    -- The months of the batch's customer-months, and each of their customers'
    -- earliest other month: a late file can move a customer's first month
    -- earlier, and the month that was first then counts one new customer less.
    SELECT t.month_start
    INTO #touched_month
    FROM #touched_customer_month AS t
    UNION
    SELECT MIN(m.month_start)
    FROM mart.customer_month AS m
    WHERE m.customer_id IN (SELECT t.customer_id FROM #touched_customer_month AS t)
      AND NOT EXISTS (SELECT 1 FROM #touched_customer_month AS t
                      WHERE t.customer_id = m.customer_id AND t.month_start = m.month_start)
    GROUP BY m.customer_id;

    IF @batch_id IS NULL
        DELETE FROM mart.monthly_summary;
    ELSE
        DELETE FROM mart.monthly_summary
        WHERE month_start IN (SELECT t.month_start FROM #touched_month AS t);

    -- is_partial is settled below, for every month: the data's first and last
    -- days move with each batch.
    INSERT INTO mart.monthly_summary (month_start, revenue, net_revenue, orders, active_customers, new_customers,
                                      quantity, is_partial)
    SELECT m.month_start, SUM(m.revenue), SUM(m.net_revenue), SUM(m.orders), COUNT(DISTINCT m.customer_id),
           (SELECT COUNT(*)
            FROM mart.customer_month AS f
            WHERE f.month_start = m.month_start
              AND NOT EXISTS (SELECT 1 FROM mart.customer_month AS e
                              WHERE e.customer_id = f.customer_id AND e.month_start < f.month_start)),
           SUM(m.quantity), CAST(0 AS bit)
    FROM mart.customer_country_month AS m
    WHERE m.month_start IN (SELECT t.month_start FROM #touched_month AS t)
    GROUP BY m.month_start;

    -- A month is partial when the data starts after its first day or ends before its last.
    DECLARE @first_day date, @last_day date;
    SELECT @first_day = CAST(MIN(invoice_date) AS date), @last_day = CAST(MAX(invoice_date) AS date)
    FROM mart.invoice_summary;

    UPDATE mart.monthly_summary
    SET is_partial = CASE WHEN @first_day > month_start OR @last_day < EOMONTH(month_start)
                          THEN CAST(1 AS bit) ELSE CAST(0 AS bit) END;
END;
GO
