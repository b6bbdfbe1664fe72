--liquibase formatted sql

-- Rebuilds mart.country_summary, one row per invoice country with sales,
-- from mart.invoice_summary (refreshed first).
--changeset ecom:mart.refresh_country_summary runOnChange:true splitStatements:false
CREATE OR REPLACE PROCEDURE mart.refresh_country_summary()
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DELETE FROM mart.country_summary;
    INSERT INTO mart.country_summary (country_id, country_name, revenue, net_revenue, orders, customers)
    SELECT s.country_id, c.country_name, SUM(s.revenue), SUM(s.net_revenue), COUNT(*), COUNT(DISTINCT s.customer_id)
    FROM mart.invoice_summary AS s
    JOIN sales.country AS c ON c.country_id = s.country_id
    GROUP BY s.country_id, c.country_name;

    -- Fresh statistics: the reporting queries' plans depend on them.
    ANALYZE mart.country_summary;
END;
$$;
