--liquibase formatted sql

-- Refreshes mart.product_pair, the products bought together, from the sales
-- lines of the market-basket invoices: sales invoices of at most 100 distinct
-- products (wholesale restocks beyond that say little about what goes
-- together, and pairs grow with the square of the basket); products in at
-- least 1% of them (and 2: frequent); pairs in at least 0.1% (and 2).
-- The thresholds are shares of all those invoices, so any load can move any
-- pair in or out: the counts are kept instead (mart.product_basket_count per
-- product, mart.frequent_pair_count per pair of frequent products) and
-- changed by the invoices a batch touched (their baskets before and after
-- it), a product that becomes frequent counted against the others whole;
-- mart.product_pair is then rewritten from them (a few thousand rows). With
-- a null batch the counts are rebuilt from every invoice.
--changeset ecom:mart.refresh_product_pair runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE mart.refresh_product_pair
    @batch_id bigint = NULL
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    IF @batch_id IS NULL
    BEGIN
        DELETE FROM mart.product_basket_count;
        DELETE FROM mart.frequent_pair_count;
    END;

    -- The baskets of the touched invoices after the batch (+1) and before it
    -- (-1: their lines of the other, earlier, batches), each only when it is a
    -- market basket. With a null batch: every invoice after, none before.
    WITH line AS (
        SELECT l.invoice_no, l.stock_code,
               CASE WHEN @batch_id IS NOT NULL AND l.batch_id <> @batch_id THEN 1 ELSE 0 END AS before_batch
        FROM sales.invoice_line AS l
        WHERE l.invoice_no IN (SELECT t.invoice_no FROM mart.touched_invoice(@batch_id) AS t)
    ),
    basket AS (
        SELECT li.invoice_no, li.stock_code, 1 AS change
        FROM line AS li
        GROUP BY li.invoice_no, li.stock_code
        UNION ALL
        SELECT li.invoice_no, li.stock_code, -1 AS change
        FROM line AS li
        WHERE li.before_batch = 1
        GROUP BY li.invoice_no, li.stock_code
    ),
    sized AS (
        SELECT b.invoice_no, b.stock_code, b.change,
               COUNT(*) OVER (PARTITION BY b.invoice_no, b.change) AS products
        FROM basket AS b
    )
    SELECT s.invoice_no, s.stock_code, s.change
    INTO #basket_change
    FROM sized AS s
    WHERE s.products <= 100
    OPTION (RECOMPILE);

    DECLARE @baskets_after int = (SELECT COUNT(*) FROM mart.invoice_summary WHERE product_count <= 100);
    DECLARE @baskets_before int = @baskets_after
        - (SELECT COUNT(DISTINCT CASE WHEN change = 1 THEN invoice_no END)
                  - COUNT(DISTINCT CASE WHEN change = -1 THEN invoice_no END)
           FROM #basket_change);

    SELECT stock_code
    INTO #frequent_before
    FROM mart.product_basket_count
    WHERE invoices >= CASE WHEN 0.01 * @baskets_before > 2 THEN 0.01 * @baskets_before ELSE 2 END;

    -- What MERGE would do, as an UPDATE of the known products then an INSERT
    -- of the new ones (see sales.clean_batch for why not MERGE).
    SELECT stock_code, SUM(change) AS change
    INTO #count_change
    FROM #basket_change
    GROUP BY stock_code;

    UPDATE c
    SET c.invoices = c.invoices + x.change
    FROM mart.product_basket_count AS c
    INNER JOIN #count_change AS x ON x.stock_code = c.stock_code;

    INSERT INTO mart.product_basket_count (stock_code, invoices)
    SELECT x.stock_code, x.change
    FROM #count_change AS x
    WHERE NOT EXISTS (SELECT 1 FROM mart.product_basket_count AS c WHERE c.stock_code = x.stock_code);

    DELETE FROM mart.product_basket_count
    WHERE invoices = 0;

    SELECT c.stock_code,
           CASE WHEN c.stock_code IN (SELECT b.stock_code FROM #frequent_before AS b) THEN 1 ELSE 0 END AS was_frequent
    INTO #frequent_after
    FROM mart.product_basket_count AS c
    WHERE c.invoices >= CASE WHEN 0.01 * @baskets_after > 2 THEN 0.01 * @baskets_after ELSE 2 END;

    -- Pairs of a product no longer frequent go; pairs of two products frequent
    -- before and after change by the touched baskets.
    DELETE FROM mart.frequent_pair_count
    WHERE stock_code_a NOT IN (SELECT f.stock_code FROM #frequent_after AS f)
       OR stock_code_b NOT IN (SELECT f.stock_code FROM #frequent_after AS f);

    SELECT a.stock_code AS stock_code_a, b.stock_code AS stock_code_b, SUM(a.change) AS change
    INTO #pair_change
    FROM #basket_change AS a
    INNER JOIN #basket_change AS b
        ON b.invoice_no = a.invoice_no AND b.change = a.change AND b.stock_code > a.stock_code
    WHERE a.stock_code IN (SELECT f.stock_code FROM #frequent_after AS f WHERE f.was_frequent = 1)
      AND b.stock_code IN (SELECT f.stock_code FROM #frequent_after AS f WHERE f.was_frequent = 1)
    GROUP BY a.stock_code, b.stock_code;

    UPDATE p
    SET p.invoices_together = p.invoices_together + x.change
    FROM mart.frequent_pair_count AS p
    INNER JOIN #pair_change AS x ON x.stock_code_a = p.stock_code_a AND x.stock_code_b = p.stock_code_b;

    INSERT INTO mart.frequent_pair_count (stock_code_a, stock_code_b, invoices_together)
    SELECT x.stock_code_a, x.stock_code_b, x.change
    FROM #pair_change AS x
    WHERE NOT EXISTS (SELECT 1 FROM mart.frequent_pair_count AS p
                      WHERE p.stock_code_a = x.stock_code_a AND p.stock_code_b = x.stock_code_b);

    DELETE FROM mart.frequent_pair_count
    WHERE invoices_together = 0;

    -- A product frequent now and not before is counted against every frequent
    -- product over all market baskets (through ix_invoice_line_product); with
    -- a null batch that is every frequent product: the whole count.
    SELECT DISTINCT l.invoice_no, l.stock_code, f.was_frequent
    INTO #basket_line
    FROM sales.invoice_line AS l
    INNER JOIN #frequent_after AS f ON f.stock_code = l.stock_code
    INNER JOIN mart.invoice_summary AS s ON s.invoice_no = l.invoice_no
    WHERE s.product_count <= 100
      AND l.invoice_no IN (SELECT n.invoice_no
                           FROM sales.invoice_line AS n
                           INNER JOIN #frequent_after AS g ON g.stock_code = n.stock_code AND g.was_frequent = 0);

    INSERT INTO mart.frequent_pair_count (stock_code_a, stock_code_b, invoices_together)
    SELECT a.stock_code, b.stock_code, COUNT(*)
    FROM #basket_line AS a
    INNER JOIN #basket_line AS b ON b.invoice_no = a.invoice_no AND b.stock_code > a.stock_code
    WHERE a.was_frequent = 0 OR b.was_frequent = 0
    GROUP BY a.stock_code, b.stock_code;

    DELETE FROM mart.product_pair;
    INSERT INTO mart.product_pair (stock_code_a, stock_code_b, invoices_together, invoices_a, invoices_b,
                                   support, confidence_a_to_b, confidence_b_to_a, lift)
    SELECT p.stock_code_a, p.stock_code_b, p.invoices_together, ca.invoices, cb.invoices,
           CAST(p.invoices_together AS decimal(18, 6)) / @baskets_after,
           CAST(p.invoices_together AS decimal(18, 6)) / ca.invoices,
           CAST(p.invoices_together AS decimal(18, 6)) / cb.invoices,
           CAST(CAST(p.invoices_together AS float) * @baskets_after
                / (CAST(ca.invoices AS float) * cb.invoices) AS decimal(12, 4))
    FROM mart.frequent_pair_count AS p
    INNER JOIN mart.product_basket_count AS ca ON ca.stock_code = p.stock_code_a
    INNER JOIN mart.product_basket_count AS cb ON cb.stock_code = p.stock_code_b
    WHERE p.invoices_together >= CASE WHEN 0.001 * @baskets_after > 2 THEN 0.001 * @baskets_after ELSE 2 END;
END;
GO

-- A database that already holds sales gets its counts at once, so that the
-- next load has something to add to.
--changeset ecom:mart.frequent_pair_count.fill splitStatements:true endDelimiter:GO stripComments:false
EXEC mart.refresh_product_pair;
GO
