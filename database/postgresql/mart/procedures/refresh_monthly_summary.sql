--liquibase formatted sql

-- Refreshes mart.monthly_summary, one row per month with sales, from
-- mart.customer_country_month and mart.customer_month (both refreshed
-- first): the months a batch touched, or with a null batch all of them.
--changeset ecom:mart.refresh_monthly_summary runOnChange:true splitStatements:false
DROP PROCEDURE IF EXISTS mart.refresh_monthly_summary();
CREATE OR REPLACE PROCEDURE mart.refresh_monthly_summary(p_batch_id bigint DEFAULT NULL)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- The months of the batch's customer-months, and each of their customers'
    -- earliest other month: a late file can move a customer's first month
    -- earlier, and the month that was first then counts one new customer less.
    DROP TABLE IF EXISTS pg_temp.touched_month;
    CREATE TEMPORARY TABLE touched_month ON COMMIT DROP AS
    WITH touched AS (
        SELECT customer_id, month_start FROM mart.touched_customer_month(p_batch_id)
    )
    SELECT t.month_start FROM touched AS t
    UNION
    SELECT MIN(m.month_start)
    FROM mart.customer_month AS m
    WHERE m.customer_id IN (SELECT t.customer_id FROM touched AS t)
      AND NOT EXISTS (SELECT 1 FROM touched AS t
                      WHERE t.customer_id = m.customer_id AND t.month_start = m.month_start)
    GROUP BY m.customer_id;

    IF p_batch_id IS NULL THEN
        DELETE FROM mart.monthly_summary;
    ELSE
        DELETE FROM mart.monthly_summary WHERE month_start IN (SELECT month_start FROM touched_month);
    END IF;

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
           SUM(m.quantity), FALSE
    FROM mart.customer_country_month AS m
    WHERE m.month_start IN (SELECT month_start FROM touched_month)
    GROUP BY m.month_start;

    -- A month is partial when the data starts after its first day or ends before its last.
    UPDATE mart.monthly_summary AS m
    SET is_partial = CAST(s.first_at AS date) > m.month_start
                     OR CAST(s.last_at AS date) < CAST(m.month_start + INTERVAL '1 month' - INTERVAL '1 day' AS date)
    FROM (SELECT MIN(invoice_date) AS first_at, MAX(invoice_date) AS last_at FROM mart.invoice_summary) AS s;

    -- After a rebuild, fresh statistics: the reporting queries' plans depend on them.
    IF p_batch_id IS NULL THEN
        ANALYZE mart.monthly_summary;
    END IF;
END;
$$;
