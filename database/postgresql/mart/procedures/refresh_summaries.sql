--liquibase formatted sql

-- Rebuilds every mart.* summary from the sales model, at the end of each
-- load and in its transaction, so readers see the summaries of the sales they
-- see. DELETE rather than TRUNCATE: TRUNCATE would lock out the report's
-- readers until the load commits; with DELETE they keep reading the previous
-- summaries meanwhile.
--changeset ecom:mart.refresh_summaries runOnChange:true splitStatements:false
CREATE OR REPLACE PROCEDURE mart.refresh_summaries()
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DELETE FROM mart.invoice_summary;
    INSERT INTO mart.invoice_summary (invoice_no, customer_id, country_id, invoice_date, month_start,
                                      revenue, quantity, line_count, product_count)
    SELECT i.invoice_no, i.customer_id, i.country_id, i.invoice_date,
           CAST(date_trunc('month', i.invoice_date) AS date),
           SUM(l.line_revenue), SUM(l.quantity), COUNT(*), COUNT(DISTINCT l.stock_code)
    FROM sales.invoice AS i
    JOIN sales.invoice_line AS l ON l.invoice_no = i.invoice_no
    WHERE NOT i.is_cancellation
    GROUP BY i.invoice_no, i.customer_id, i.country_id, i.invoice_date;

    DELETE FROM mart.customer_month;
    INSERT INTO mart.customer_month (customer_id, month_start, revenue, orders)
    SELECT customer_id, month_start, SUM(revenue), COUNT(*)
    FROM mart.invoice_summary
    GROUP BY customer_id, month_start;

    DELETE FROM mart.customer_country_month;
    -- Written in month and customer order, so a visual's COUNT(DISTINCT
    -- customer_id) per month sorts rows already in order (100 ms instead of
    -- 300 at 10x).
    INSERT INTO mart.customer_country_month (customer_id, month_start, country_id, orders, revenue, quantity)
    SELECT customer_id, month_start, country_id, COUNT(*), SUM(revenue), SUM(quantity)
    FROM mart.invoice_summary
    GROUP BY customer_id, month_start, country_id
    ORDER BY month_start, customer_id;

    DELETE FROM mart.customer_summary;
    INSERT INTO mart.customer_summary (customer_id, country_id, first_purchase_at, last_purchase_at, orders,
                                       revenue, quantity, distinct_products, active_days,
                                       cancelled_orders, cancelled_revenue)
    SELECT s.customer_id, c.country_id, s.first_purchase_at, s.last_purchase_at, s.orders,
           s.revenue, s.quantity, p.distinct_products, s.active_days,
           COALESCE(x.cancelled_orders, 0), COALESCE(x.cancelled_revenue, 0)
    FROM (
        SELECT customer_id, MIN(invoice_date) AS first_purchase_at, MAX(invoice_date) AS last_purchase_at,
               COUNT(*) AS orders, SUM(revenue) AS revenue, SUM(quantity) AS quantity,
               COUNT(DISTINCT CAST(invoice_date AS date)) AS active_days
        FROM mart.invoice_summary
        GROUP BY customer_id
    ) AS s
    JOIN sales.customer AS c ON c.customer_id = s.customer_id
    JOIN (
        SELECT i.customer_id, COUNT(DISTINCT l.stock_code) AS distinct_products
        FROM sales.invoice_line AS l
        JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no
        GROUP BY i.customer_id
    ) AS p ON p.customer_id = s.customer_id
    LEFT JOIN (
        SELECT i.customer_id, COUNT(DISTINCT i.invoice_no) AS cancelled_orders,
               SUM(l.line_revenue) AS cancelled_revenue
        FROM sales.cancellation_line AS l
        JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no
        GROUP BY i.customer_id
    ) AS x ON x.customer_id = s.customer_id;

    DELETE FROM mart.product_summary;
    INSERT INTO mart.product_summary (stock_code, description, revenue, quantity, orders, customers,
                                      first_sold_at, last_sold_at)
    SELECT l.stock_code, MIN(p.description), SUM(l.line_revenue), SUM(l.quantity),
           COUNT(DISTINCT l.invoice_no), COUNT(DISTINCT i.customer_id),
           MIN(i.invoice_date), MAX(i.invoice_date)
    FROM sales.invoice_line AS l
    JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no
    JOIN sales.product AS p ON p.stock_code = l.stock_code
    GROUP BY l.stock_code;

    DELETE FROM mart.monthly_summary;
    INSERT INTO mart.monthly_summary (month_start, revenue, orders, active_customers, new_customers,
                                      quantity, is_partial)
    WITH span AS (
        SELECT MIN(invoice_date) AS first_at, MAX(invoice_date) AS last_at FROM mart.invoice_summary
    ), first_month AS (
        SELECT customer_id, MIN(month_start) AS month_start FROM mart.customer_month GROUP BY customer_id
    )
    SELECT m.month_start, SUM(m.revenue), COUNT(*), COUNT(DISTINCT m.customer_id),
           (SELECT COUNT(*) FROM first_month AS f WHERE f.month_start = m.month_start),
           SUM(m.quantity),
           -- A month is partial when the data starts after its first day or ends before its last.
           BOOL_OR(CAST(s.first_at AS date) > m.month_start
                   OR CAST(s.last_at AS date) < CAST(m.month_start + INTERVAL '1 month' - INTERVAL '1 day' AS date))
    FROM mart.invoice_summary AS m
    CROSS JOIN span AS s
    GROUP BY m.month_start;

    DELETE FROM mart.country_summary;
    INSERT INTO mart.country_summary (country_id, country_name, revenue, orders, customers)
    SELECT s.country_id, c.country_name, SUM(s.revenue), COUNT(*), COUNT(DISTINCT s.customer_id)
    FROM mart.invoice_summary AS s
    JOIN sales.country AS c ON c.country_id = s.country_id
    GROUP BY s.country_id, c.country_name;

    -- Market baskets: invoices of at most 100 distinct products (wholesale
    -- restocks beyond that say little about what goes together, and pairs grow
    -- with the square of the basket), products in at least 1% of those
    -- invoices, pairs bought together in at least 0.1% of them. Products are
    -- numbered first: grouping integer pairs is several times faster.
    DELETE FROM mart.product_pair;
    INSERT INTO mart.product_pair (stock_code_a, stock_code_b, invoices_together, invoices_a, invoices_b,
                                   support, confidence_a_to_b, confidence_b_to_a, lift)
    WITH eligible AS (
        SELECT invoice_no FROM mart.invoice_summary WHERE product_count <= 100
    ), total AS (
        SELECT COUNT(*) AS invoices FROM eligible
    ), item AS (
        SELECT l.stock_code, COUNT(DISTINCT l.invoice_no) AS invoices
        FROM sales.invoice_line AS l
        JOIN eligible AS e ON e.invoice_no = l.invoice_no
        GROUP BY l.stock_code
    ), frequent AS (
        SELECT i.stock_code, i.invoices, CAST(ROW_NUMBER() OVER (ORDER BY i.stock_code) AS integer) AS k
        FROM item AS i
        CROSS JOIN total AS t
        WHERE i.invoices >= GREATEST(2, 0.01 * t.invoices)
    ), basket AS MATERIALIZED (
        SELECT DISTINCT l.invoice_no, f.k
        FROM sales.invoice_line AS l
        JOIN eligible AS e ON e.invoice_no = l.invoice_no
        JOIN frequent AS f ON f.stock_code = l.stock_code
    ), pair AS (
        SELECT a.k AS ka, b.k AS kb, COUNT(*) AS together
        FROM basket AS a
        JOIN basket AS b ON b.invoice_no = a.invoice_no AND a.k < b.k
        GROUP BY a.k, b.k
        HAVING COUNT(*) >= GREATEST(2, 0.001 * (SELECT invoices FROM total))
    )
    SELECT fa.stock_code, fb.stock_code, p.together, fa.invoices, fb.invoices,
           CAST(p.together AS numeric) / t.invoices,
           CAST(p.together AS numeric) / fa.invoices,
           CAST(p.together AS numeric) / fb.invoices,
           CAST(p.together AS numeric) * t.invoices / (CAST(fa.invoices AS numeric) * fb.invoices)
    FROM pair AS p
    JOIN frequent AS fa ON fa.k = p.ka
    JOIN frequent AS fb ON fb.k = p.kb
    CROSS JOIN total AS t;

    -- Fresh statistics: the reporting queries' plans depend on them.
    ANALYZE mart.invoice_summary, mart.customer_month, mart.customer_country_month, mart.customer_summary, mart.product_summary,
            mart.monthly_summary, mart.country_summary, mart.product_pair;
END;
$$;
