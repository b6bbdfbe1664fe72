--liquibase formatted sql

-- Refreshes mart.product_summary, one row per product sold, from the sales
-- model: the products on the lines of the invoices a batch touched
-- (mart.touched_invoice; a cancellation line can change a product's
-- description), or with a null batch all of them.
--changeset ecom:mart.refresh_product_summary runOnChange:true splitStatements:false
DROP PROCEDURE IF EXISTS mart.refresh_product_summary();
CREATE OR REPLACE PROCEDURE mart.refresh_product_summary(p_batch_id bigint DEFAULT NULL)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DROP TABLE IF EXISTS pg_temp.touched_product;
    CREATE TEMPORARY TABLE touched_product ON COMMIT DROP AS
    SELECT l.stock_code
    FROM sales.invoice_line AS l
    WHERE l.invoice_no IN (SELECT t.invoice_no FROM mart.touched_invoice(p_batch_id) AS t)
    UNION
    SELECT c.stock_code
    FROM sales.cancellation_line AS c
    WHERE c.invoice_no IN (SELECT t.invoice_no FROM mart.touched_invoice(p_batch_id) AS t);

    IF p_batch_id IS NULL THEN
        DELETE FROM mart.product_summary;
    ELSE
        DELETE FROM mart.product_summary WHERE stock_code IN (SELECT stock_code FROM touched_product);
    END IF;

    INSERT INTO mart.product_summary (stock_code, description, revenue, net_revenue, net_quantity, quantity, orders, customers,
                                      first_sold_at, last_sold_at)
    SELECT l.stock_code, MIN(p.description), SUM(l.line_revenue), SUM(l.net_revenue), SUM(l.net_quantity), SUM(l.quantity),
           COUNT(DISTINCT l.invoice_no), COUNT(DISTINCT i.customer_id),
           MIN(i.invoice_date), MAX(i.invoice_date)
    FROM sales.invoice_line AS l
    JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no
    JOIN sales.product AS p ON p.stock_code = l.stock_code
    WHERE l.stock_code IN (SELECT stock_code FROM touched_product)
    GROUP BY l.stock_code;

    -- After a rebuild, fresh statistics: the reporting queries' plans depend on them.
    IF p_batch_id IS NULL THEN
        ANALYZE mart.product_summary;
    END IF;
END;
$$;
