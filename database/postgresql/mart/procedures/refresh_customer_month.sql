--liquibase formatted sql

-- Rebuilds mart.customer_month, revenue and orders per customer and month,
-- from mart.invoice_summary (refreshed first).
--changeset ecom:mart.refresh_customer_month runOnChange:true splitStatements:false
CREATE OR REPLACE PROCEDURE mart.refresh_customer_month()
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DELETE FROM mart.customer_month;
    INSERT INTO mart.customer_month (customer_id, month_start, revenue, net_revenue, orders)
    SELECT customer_id, month_start, SUM(revenue), SUM(net_revenue), COUNT(*)
    FROM mart.invoice_summary
    GROUP BY customer_id, month_start;

    -- Fresh statistics: the reporting queries' plans depend on them.
    ANALYZE mart.customer_month;
END;
$$;
