--liquibase formatted sql

-- Rebuilds every mart.* summary from the sales model, at the end of each
-- load and in its transaction, so readers see the summaries of the sales they
-- see. DELETE rather than TRUNCATE keeps the procedure within the rights
-- ownership chaining gives the loader; the tables are small.
--changeset ecom:mart.refresh_summaries runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE mart.refresh_summaries
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    DELETE FROM mart.invoice_summary;
    INSERT INTO mart.invoice_summary (invoice_no, customer_id, country_id, invoice_date, month_start,
                                      revenue, quantity, line_count, product_count)
    SELECT i.invoice_no, i.customer_id, i.country_id, i.invoice_date,
           DATEFROMPARTS(YEAR(i.invoice_date), MONTH(i.invoice_date), 1),
           SUM(l.line_revenue), SUM(CAST(l.quantity AS bigint)), COUNT(*), COUNT(DISTINCT l.stock_code)
    FROM sales.invoice AS i
    INNER JOIN sales.invoice_line AS l ON l.invoice_no = i.invoice_no
    WHERE i.is_cancellation = 0
    GROUP BY i.invoice_no, i.customer_id, i.country_id, i.invoice_date;

    DELETE FROM mart.customer_month;
    INSERT INTO mart.customer_month (customer_id, month_start, revenue, orders)
    SELECT customer_id, month_start, SUM(revenue), COUNT(*)
    FROM mart.invoice_summary
    GROUP BY customer_id, month_start;

    DELETE FROM mart.customer_country_month;
    INSERT INTO mart.customer_country_month (customer_id, month_start, country_id, orders, revenue, quantity)
    SELECT customer_id, month_start, country_id, COUNT(*), SUM(revenue), SUM(quantity)
    FROM mart.invoice_summary
    GROUP BY customer_id, month_start, country_id;

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
    INNER JOIN sales.customer AS c ON c.customer_id = s.customer_id
    INNER JOIN (
        SELECT i.customer_id, COUNT(DISTINCT l.stock_code) AS distinct_products
        FROM sales.invoice_line AS l
        INNER JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no
        GROUP BY i.customer_id
    ) AS p ON p.customer_id = s.customer_id
    LEFT JOIN (
        SELECT i.customer_id, COUNT(DISTINCT i.invoice_no) AS cancelled_orders,
               SUM(l.line_revenue) AS cancelled_revenue
        FROM sales.cancellation_line AS l
        INNER JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no
        GROUP BY i.customer_id
    ) AS x ON x.customer_id = s.customer_id;

    DELETE FROM mart.product_summary;
    INSERT INTO mart.product_summary (stock_code, description, revenue, quantity, orders, customers,
                                      first_sold_at, last_sold_at)
    SELECT l.stock_code, MIN(p.description), SUM(l.line_revenue), SUM(CAST(l.quantity AS bigint)),
           COUNT(DISTINCT l.invoice_no), COUNT(DISTINCT i.customer_id),
           MIN(i.invoice_date), MAX(i.invoice_date)
    FROM sales.invoice_line AS l
    INNER JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no
    INNER JOIN sales.product AS p ON p.stock_code = l.stock_code
    GROUP BY l.stock_code;

    -- A month is partial when the data starts after its first day or ends before its last.
    DECLARE @first_day date, @last_day date;
    SELECT @first_day = CAST(MIN(invoice_date) AS date), @last_day = CAST(MAX(invoice_date) AS date)
    FROM mart.invoice_summary;

    DELETE FROM mart.monthly_summary;
    WITH first_month AS (
        SELECT customer_id, MIN(month_start) AS month_start
        FROM mart.customer_month
        GROUP BY customer_id
    )
    INSERT INTO mart.monthly_summary (month_start, revenue, orders, active_customers, new_customers,
                                      quantity, is_partial)
    SELECT m.month_start, SUM(m.revenue), COUNT(*), COUNT(DISTINCT m.customer_id),
           (SELECT COUNT(*) FROM first_month AS f WHERE f.month_start = m.month_start),
           SUM(m.quantity),
           CASE WHEN @first_day > m.month_start OR @last_day < EOMONTH(m.month_start)
                THEN CAST(1 AS bit) ELSE CAST(0 AS bit) END
    FROM mart.invoice_summary AS m
    GROUP BY m.month_start;

    DELETE FROM mart.country_summary;
    INSERT INTO mart.country_summary (country_id, country_name, revenue, orders, customers)
    SELECT s.country_id, c.country_name, SUM(s.revenue), COUNT(*), COUNT(DISTINCT s.customer_id)
    FROM mart.invoice_summary AS s
    INNER JOIN sales.country AS c ON c.country_id = s.country_id
    GROUP BY s.country_id, c.country_name;

    -- Market baskets: invoices of at most 100 distinct products (wholesale
    -- restocks beyond that say little about what goes together, and pairs grow
    -- with the square of the basket), products in at least 1% of those
    -- invoices, pairs bought together in at least 0.1% of them.
    DECLARE @invoices int = (SELECT COUNT(*) FROM mart.invoice_summary WHERE product_count <= 100);

    SELECT l.stock_code, COUNT(DISTINCT l.invoice_no) AS invoices
    INTO #frequent
    FROM sales.invoice_line AS l
    INNER JOIN mart.invoice_summary AS e ON e.invoice_no = l.invoice_no AND e.product_count <= 100
    GROUP BY l.stock_code
    HAVING COUNT(DISTINCT l.invoice_no) >= CASE WHEN 0.01 * @invoices > 2 THEN 0.01 * @invoices ELSE 2 END;

    SELECT DISTINCT l.invoice_no, l.stock_code
    INTO #basket
    FROM sales.invoice_line AS l
    INNER JOIN mart.invoice_summary AS e ON e.invoice_no = l.invoice_no AND e.product_count <= 100
    INNER JOIN #frequent AS f ON f.stock_code = l.stock_code;

    DELETE FROM mart.product_pair;
    INSERT INTO mart.product_pair (stock_code_a, stock_code_b, invoices_together, invoices_a, invoices_b,
                                   support, confidence_a_to_b, confidence_b_to_a, lift)
    SELECT p.stock_code_a, p.stock_code_b, p.together, fa.invoices, fb.invoices,
           CAST(p.together AS decimal(18, 6)) / @invoices,
           CAST(p.together AS decimal(18, 6)) / fa.invoices,
           CAST(p.together AS decimal(18, 6)) / fb.invoices,
           CAST(CAST(p.together AS float) * @invoices / (CAST(fa.invoices AS float) * fb.invoices) AS decimal(12, 4))
    FROM (
        SELECT a.stock_code AS stock_code_a, b.stock_code AS stock_code_b, COUNT(*) AS together
        FROM #basket AS a
        INNER JOIN #basket AS b ON b.invoice_no = a.invoice_no AND a.stock_code < b.stock_code
        GROUP BY a.stock_code, b.stock_code
        HAVING COUNT(*) >= CASE WHEN 0.001 * @invoices > 2 THEN 0.001 * @invoices ELSE 2 END
    ) AS p
    INNER JOIN #frequent AS fa ON fa.stock_code = p.stock_code_a
    INNER JOIN #frequent AS fb ON fb.stock_code = p.stock_code_b;
END;
GO
