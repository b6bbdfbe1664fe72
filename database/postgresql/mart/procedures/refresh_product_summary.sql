--liquibase formatted sql

-- Refreshes mart.product_summary, one row per product sold, from the sales
-- model: the products on the lines of the invoices a batch touched
-- (mart.touched_invoice; a cancellation line can change a product's
-- description), or with a null batch all of them (the repair).
-- With a batch, a product already summarised is not re-read: its figures
-- change by what the batch adds, which costs the batch's lines, not the
-- product's history (a popular product has thousands):
-- * revenue, quantity: plus the sums of the batch's lines;
-- * orders, customers (distinct counts): plus the batch's invoices and
--   customers of the product that no line of another batch has (what the
--   batch's invoices and customers bought before, through
--   ix_invoice_line_invoice and ix_invoice_customer: a day's customers, not
--   the product's history);
-- * first_sold_at, last_sold_at: the earlier and the later with the batch's;
-- * net_quantity, net_revenue: quantity and revenue less what matched returns
--   took back, summed over the product's matched cancellation lines (a late
--   cancellation changes an old line's net without adding a line);
-- * description: the product's, as it is now.
-- A product new to the summary is aggregated from its lines.
--changeset ecom:mart.refresh_product_summary runOnChange:true splitStatements:false
DROP PROCEDURE IF EXISTS mart.refresh_product_summary();
CREATE OR REPLACE PROCEDURE mart.refresh_product_summary(p_batch_id bigint DEFAULT NULL)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DROP TABLE IF EXISTS pg_temp.touched_product, pg_temp.batch_line, pg_temp.known_order, pg_temp.known_customer,
        pg_temp.batch_product;
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
        -- The batch's lines, then the (invoice, product) and (customer,
        -- product) pairs among them that lines of other batches already have:
        -- found from the few customers and invoices of the batch through
        -- ix_invoice_customer and ix_invoice_line_invoice.
        CREATE TEMPORARY TABLE batch_line ON COMMIT DROP AS
        SELECT l.stock_code, l.invoice_no, l.line_revenue, l.quantity, i.customer_id, i.invoice_date
        FROM sales.invoice_line AS l
        JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no
        WHERE l.batch_id = p_batch_id;
        ANALYZE batch_line;

        CREATE TEMPORARY TABLE known_order ON COMMIT DROP AS
        SELECT DISTINCT o.invoice_no, o.stock_code
        FROM sales.invoice_line AS o
        WHERE o.invoice_no IN (SELECT b.invoice_no FROM batch_line AS b)
          AND o.batch_id <> p_batch_id;

        CREATE TEMPORARY TABLE known_customer ON COMMIT DROP AS
        SELECT DISTINCT oi.customer_id, o.stock_code
        FROM sales.invoice AS oi
        JOIN sales.invoice_line AS o ON o.invoice_no = oi.invoice_no
        WHERE oi.customer_id IN (SELECT b.customer_id FROM batch_line AS b)
          AND o.batch_id <> p_batch_id;

        CREATE TEMPORARY TABLE batch_product ON COMMIT DROP AS
        SELECT b.stock_code, SUM(b.line_revenue) AS revenue, SUM(b.quantity) AS quantity,
               COUNT(DISTINCT CASE WHEN ko.invoice_no IS NULL THEN b.invoice_no END) AS new_orders,
               COUNT(DISTINCT CASE WHEN kc.customer_id IS NULL THEN b.customer_id END) AS new_customers,
               MIN(b.invoice_date) AS first_sold_at, MAX(b.invoice_date) AS last_sold_at
        FROM batch_line AS b
        LEFT JOIN known_order AS ko ON ko.invoice_no = b.invoice_no AND ko.stock_code = b.stock_code
        LEFT JOIN known_customer AS kc ON kc.customer_id = b.customer_id AND kc.stock_code = b.stock_code
        GROUP BY b.stock_code;

        UPDATE mart.product_summary AS ps
        SET description = p.description,
            revenue = ps.revenue + COALESCE(b.revenue, 0),
            quantity = ps.quantity + COALESCE(b.quantity, 0),
            net_revenue = ps.revenue + COALESCE(b.revenue, 0) - COALESCE(r.returned_revenue, 0),
            net_quantity = ps.quantity + COALESCE(b.quantity, 0) - COALESCE(r.returned_quantity, 0),
            orders = ps.orders + COALESCE(b.new_orders, 0),
            customers = ps.customers + COALESCE(b.new_customers, 0),
            first_sold_at = LEAST(ps.first_sold_at, b.first_sold_at),
            last_sold_at = GREATEST(ps.last_sold_at, b.last_sold_at)
        FROM touched_product AS t
        JOIN sales.product AS p ON p.stock_code = t.stock_code
        LEFT JOIN batch_product AS b ON b.stock_code = t.stock_code
        LEFT JOIN (SELECT c.stock_code, SUM(c.matched_quantity) AS returned_quantity,
                          SUM(c.matched_quantity * l.unit_price) AS returned_revenue
                   FROM sales.cancellation_line AS c
                   JOIN sales.invoice_line AS l ON l.invoice_line_id = c.matched_invoice_line_id
                   WHERE c.stock_code IN (SELECT stock_code FROM touched_product)
                   GROUP BY c.stock_code) AS r ON r.stock_code = t.stock_code
        WHERE ps.stock_code = t.stock_code;

        DELETE FROM touched_product AS t
        WHERE EXISTS (SELECT 1 FROM mart.product_summary AS ps WHERE ps.stock_code = t.stock_code);
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
