--liquibase formatted sql

-- Rebuilds mart.monthly_summary, one row per month with sales, from
-- mart.invoice_summary and mart.customer_month (both refreshed first).
--changeset ecom:mart.refresh_monthly_summary runOnChange:true splitStatements:false
CREATE OR REPLACE PROCEDURE mart.refresh_monthly_summary()
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DELETE FROM mart.monthly_summary;
    INSERT INTO mart.monthly_summary (month_start, revenue, net_revenue, orders, active_customers, new_customers,
                                      quantity, is_partial)
    WITH span AS (
        SELECT MIN(invoice_date) AS first_at, MAX(invoice_date) AS last_at FROM mart.invoice_summary
    ), first_month AS (
        SELECT customer_id, MIN(month_start) AS month_start FROM mart.customer_month GROUP BY customer_id
    )
    SELECT m.month_start, SUM(m.revenue), SUM(m.net_revenue), COUNT(*), COUNT(DISTINCT m.customer_id),
           (SELECT COUNT(*) FROM first_month AS f WHERE f.month_start = m.month_start),
           SUM(m.quantity),
           -- A month is partial when the data starts after its first day or ends before its last.
           BOOL_OR(CAST(s.first_at AS date) > m.month_start
                   OR CAST(s.last_at AS date) < CAST(m.month_start + INTERVAL '1 month' - INTERVAL '1 day' AS date))
    FROM mart.invoice_summary AS m
    CROSS JOIN span AS s
    GROUP BY m.month_start;

    -- Fresh statistics: the reporting queries' plans depend on them.
    ANALYZE mart.monthly_summary;
END;
$$;
