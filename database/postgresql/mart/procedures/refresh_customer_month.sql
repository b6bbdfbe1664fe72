--liquibase formatted sql

-- Refreshes mart.customer_month, revenue and orders per customer and month,
-- from mart.invoice_summary (refreshed first): the customer-months a batch
-- touched (mart.touched_customer_month), or with a null batch all of them.
--changeset ecom:mart.refresh_customer_month runOnChange:true splitStatements:false
DROP PROCEDURE IF EXISTS mart.refresh_customer_month();
CREATE OR REPLACE PROCEDURE mart.refresh_customer_month(p_batch_id bigint DEFAULT NULL)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DROP TABLE IF EXISTS pg_temp.touched_customer_month;
    CREATE TEMPORARY TABLE touched_customer_month ON COMMIT DROP AS
    SELECT customer_id, month_start FROM mart.touched_customer_month(p_batch_id);

    IF p_batch_id IS NULL THEN
        DELETE FROM mart.customer_month;
    ELSE
        DELETE FROM mart.customer_month AS m
        USING touched_customer_month AS t
        WHERE m.customer_id = t.customer_id AND m.month_start = t.month_start;
    END IF;

    INSERT INTO mart.customer_month (customer_id, month_start, revenue, net_revenue, orders)
    SELECT s.customer_id, s.month_start, SUM(s.revenue), SUM(s.net_revenue), COUNT(*)
    FROM mart.invoice_summary AS s
    JOIN touched_customer_month AS t ON t.customer_id = s.customer_id AND t.month_start = s.month_start
    GROUP BY s.customer_id, s.month_start;

    -- After a rebuild, fresh statistics: the reporting queries' plans depend on them.
    IF p_batch_id IS NULL THEN
        ANALYZE mart.customer_month;
    END IF;
END;
$$;
