--liquibase formatted sql

-- Refreshes mart.country_summary, one row per invoice country with sales,
-- from mart.customer_country_month (refreshed first): the countries of the
-- invoices a batch touched (mart.touched_invoice), or with a null batch all.
--changeset ecom:mart.refresh_country_summary runOnChange:true splitStatements:false
DROP PROCEDURE IF EXISTS mart.refresh_country_summary();
CREATE OR REPLACE PROCEDURE mart.refresh_country_summary(p_batch_id bigint DEFAULT NULL)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DROP TABLE IF EXISTS pg_temp.touched_country;
    CREATE TEMPORARY TABLE touched_country ON COMMIT DROP AS
    SELECT DISTINCT s.country_id
    FROM mart.invoice_summary AS s
    WHERE s.invoice_no IN (SELECT t.invoice_no FROM mart.touched_invoice(p_batch_id) AS t);

    IF p_batch_id IS NULL THEN
        DELETE FROM mart.country_summary;
    ELSE
        DELETE FROM mart.country_summary WHERE country_id IN (SELECT country_id FROM touched_country);
    END IF;

    INSERT INTO mart.country_summary (country_id, country_name, revenue, net_revenue, orders, customers)
    SELECT m.country_id, c.country_name, SUM(m.revenue), SUM(m.net_revenue), SUM(m.orders), COUNT(DISTINCT m.customer_id)
    FROM mart.customer_country_month AS m
    JOIN sales.country AS c ON c.country_id = m.country_id
    WHERE m.country_id IN (SELECT country_id FROM touched_country)
    GROUP BY m.country_id, c.country_name;

    -- After a rebuild, fresh statistics: the reporting queries' plans depend on them.
    IF p_batch_id IS NULL THEN
        ANALYZE mart.country_summary;
    END IF;
END;
$$;
