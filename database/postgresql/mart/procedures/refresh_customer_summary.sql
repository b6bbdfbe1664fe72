--liquibase formatted sql

-- Refreshes mart.customer_summary, lifetime figures per customer with sales,
-- from mart.invoice_summary (refreshed first) and the sales model; the
-- cancellations are counted from sales.cancellation_line. The customers of
-- the invoices a batch touched (mart.touched_invoice, cancellations
-- included), or with a null batch all of them.
--changeset ecom:mart.refresh_customer_summary runOnChange:true splitStatements:false
DROP PROCEDURE IF EXISTS mart.refresh_customer_summary();
CREATE OR REPLACE PROCEDURE mart.refresh_customer_summary(p_batch_id bigint DEFAULT NULL)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DROP TABLE IF EXISTS pg_temp.touched_customer;
    CREATE TEMPORARY TABLE touched_customer ON COMMIT DROP AS
    SELECT DISTINCT i.customer_id
    FROM sales.invoice AS i
    WHERE i.invoice_no IN (SELECT t.invoice_no FROM mart.touched_invoice(p_batch_id) AS t);
    -- Counted, so that a day's few customers are read through their invoices
    -- (ix_invoice_customer) rather than by a scan of all lines.
    ANALYZE touched_customer;

    IF p_batch_id IS NULL THEN
        DELETE FROM mart.customer_summary;
    ELSE
        DELETE FROM mart.customer_summary WHERE customer_id IN (SELECT customer_id FROM touched_customer);
    END IF;

    INSERT INTO mart.customer_summary (customer_id, country_id, first_purchase_at, last_purchase_at, orders,
                                       revenue, quantity, distinct_products, active_days,
                                       cancelled_orders, cancelled_revenue, net_revenue)
    SELECT s.customer_id, c.country_id, s.first_purchase_at, s.last_purchase_at, s.orders,
           s.revenue, s.quantity, p.distinct_products, s.active_days,
           COALESCE(x.cancelled_orders, 0), COALESCE(x.cancelled_revenue, 0), s.net_revenue
    FROM (
        SELECT customer_id, MIN(invoice_date) AS first_purchase_at, MAX(invoice_date) AS last_purchase_at,
               COUNT(*) AS orders, SUM(revenue) AS revenue, SUM(net_revenue) AS net_revenue, SUM(quantity) AS quantity,
               COUNT(DISTINCT CAST(invoice_date AS date)) AS active_days
        FROM mart.invoice_summary
        WHERE customer_id IN (SELECT customer_id FROM touched_customer)
        GROUP BY customer_id
    ) AS s
    JOIN sales.customer AS c ON c.customer_id = s.customer_id
    JOIN (
        SELECT i.customer_id, COUNT(DISTINCT l.stock_code) AS distinct_products
        FROM sales.invoice_line AS l
        JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no
        WHERE i.customer_id IN (SELECT customer_id FROM touched_customer)
        GROUP BY i.customer_id
    ) AS p ON p.customer_id = s.customer_id
    LEFT JOIN (
        SELECT i.customer_id, COUNT(DISTINCT i.invoice_no) AS cancelled_orders,
               SUM(l.line_revenue) AS cancelled_revenue
        FROM sales.cancellation_line AS l
        JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no
        WHERE i.customer_id IN (SELECT customer_id FROM touched_customer)
        GROUP BY i.customer_id
    ) AS x ON x.customer_id = s.customer_id;

    -- After a rebuild, fresh statistics: the reporting queries' plans depend on them.
    IF p_batch_id IS NULL THEN
        ANALYZE mart.customer_summary;
    END IF;
END;
$$;
