--liquibase formatted sql

-- Rebuilds mart.product_pair, the products bought together, from the sales
-- lines of the invoices in mart.invoice_summary (refreshed first).
--changeset ecom:mart.refresh_product_pair runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE mart.refresh_product_pair
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

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
