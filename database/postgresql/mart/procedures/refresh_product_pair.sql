--liquibase formatted sql

-- Rebuilds mart.product_pair, the products bought together, from the sales
-- lines of the invoices in mart.invoice_summary (refreshed first).
--changeset ecom:mart.refresh_product_pair runOnChange:true splitStatements:false
CREATE OR REPLACE PROCEDURE mart.refresh_product_pair()
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
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
    ANALYZE mart.product_pair;
END;
$$;
