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
--changeset ecom:mart.refresh_product_pair runOnChange:true splitStatements:false
DROP PROCEDURE IF EXISTS mart.refresh_product_pair();
CREATE OR REPLACE PROCEDURE mart.refresh_product_pair(p_batch_id bigint DEFAULT NULL)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_baskets_after  integer;
    v_baskets_before integer;
BEGIN
    IF p_batch_id IS NULL THEN
        DELETE FROM mart.product_basket_count;
        DELETE FROM mart.frequent_pair_count;
    END IF;

    -- The baskets of the touched invoices after the batch (+1) and before it
    -- (-1: their lines of the other, earlier, batches), each only when it is a
    -- market basket. With a null batch: every invoice after, none before.
    DROP TABLE IF EXISTS pg_temp.basket_change;
    CREATE TEMPORARY TABLE basket_change ON COMMIT DROP AS
    WITH line AS (
        SELECT l.invoice_no, l.stock_code, l.batch_id IS DISTINCT FROM p_batch_id AS before_batch
        FROM sales.invoice_line AS l
        WHERE l.invoice_no IN (SELECT t.invoice_no FROM mart.touched_invoice(p_batch_id) AS t)
    ), basket AS (
        SELECT li.invoice_no, li.stock_code, 1 AS change
        FROM line AS li
        GROUP BY li.invoice_no, li.stock_code
        UNION ALL
        SELECT li.invoice_no, li.stock_code, -1
        FROM line AS li
        WHERE li.before_batch AND p_batch_id IS NOT NULL
        GROUP BY li.invoice_no, li.stock_code
    )
    SELECT s.invoice_no, s.stock_code, s.change
    FROM (SELECT b.*, COUNT(*) OVER (PARTITION BY b.invoice_no, b.change) AS products
          FROM basket AS b) AS s
    WHERE s.products <= 100;
    ANALYZE basket_change;

    SELECT COUNT(*) INTO v_baskets_after FROM mart.invoice_summary WHERE product_count <= 100;
    v_baskets_before := v_baskets_after
        - (SELECT COUNT(DISTINCT invoice_no) FILTER (WHERE change = 1)
                  - COUNT(DISTINCT invoice_no) FILTER (WHERE change = -1) FROM basket_change);

    DROP TABLE IF EXISTS pg_temp.frequent_before;
    CREATE TEMPORARY TABLE frequent_before ON COMMIT DROP AS
    SELECT stock_code FROM mart.product_basket_count
    WHERE invoices >= GREATEST(2, 0.01 * v_baskets_before);

    INSERT INTO mart.product_basket_count (stock_code, invoices)
    SELECT stock_code, SUM(change) FROM basket_change GROUP BY stock_code
    ON CONFLICT (stock_code) DO UPDATE SET invoices = mart.product_basket_count.invoices + EXCLUDED.invoices;
    DELETE FROM mart.product_basket_count WHERE invoices = 0;

    DROP TABLE IF EXISTS pg_temp.frequent_after;
    CREATE TEMPORARY TABLE frequent_after ON COMMIT DROP AS
    SELECT stock_code, stock_code IN (SELECT stock_code FROM frequent_before) AS was_frequent
    FROM mart.product_basket_count
    WHERE invoices >= GREATEST(2, 0.01 * v_baskets_after);

    -- Pairs of a product no longer frequent go; pairs of two products frequent
    -- before and after change by the touched baskets.
    DELETE FROM mart.frequent_pair_count
    WHERE stock_code_a NOT IN (SELECT stock_code FROM frequent_after)
       OR stock_code_b NOT IN (SELECT stock_code FROM frequent_after);

    INSERT INTO mart.frequent_pair_count (stock_code_a, stock_code_b, invoices_together)
    SELECT a.stock_code, b.stock_code, SUM(a.change)
    FROM basket_change AS a
    JOIN basket_change AS b
      ON b.invoice_no = a.invoice_no AND b.change = a.change AND b.stock_code > a.stock_code
    WHERE a.stock_code IN (SELECT stock_code FROM frequent_after WHERE was_frequent)
      AND b.stock_code IN (SELECT stock_code FROM frequent_after WHERE was_frequent)
    GROUP BY a.stock_code, b.stock_code
    ON CONFLICT (stock_code_a, stock_code_b) DO UPDATE
        SET invoices_together = mart.frequent_pair_count.invoices_together + EXCLUDED.invoices_together;
    DELETE FROM mart.frequent_pair_count WHERE invoices_together = 0;

    -- A product frequent now and not before is counted against every frequent
    -- product over all market baskets (through ix_invoice_line_product); with
    -- a null batch that is every frequent product: the whole count. Most
    -- batches make no product newly frequent: the statement is skipped then
    -- (planned anyway, it hashed all lines for nothing).
    IF EXISTS (SELECT 1 FROM frequent_after WHERE NOT was_frequent) THEN
    INSERT INTO mart.frequent_pair_count (stock_code_a, stock_code_b, invoices_together)
    WITH basket_line AS MATERIALIZED (
        SELECT DISTINCT l.invoice_no, l.stock_code, f.was_frequent
        FROM sales.invoice_line AS l
        JOIN frequent_after AS f ON f.stock_code = l.stock_code
        JOIN mart.invoice_summary AS s ON s.invoice_no = l.invoice_no
        WHERE s.product_count <= 100
          AND l.invoice_no IN (SELECT n.invoice_no
                               FROM sales.invoice_line AS n
                               JOIN frequent_after AS g ON g.stock_code = n.stock_code AND NOT g.was_frequent)
    )
    SELECT a.stock_code, b.stock_code, COUNT(*)
    FROM basket_line AS a
    JOIN basket_line AS b ON b.invoice_no = a.invoice_no AND b.stock_code > a.stock_code
    WHERE NOT (a.was_frequent AND b.was_frequent)
    GROUP BY a.stock_code, b.stock_code;
    END IF;

    DELETE FROM mart.product_pair;
    INSERT INTO mart.product_pair (stock_code_a, stock_code_b, invoices_together, invoices_a, invoices_b,
                                   support, confidence_a_to_b, confidence_b_to_a, lift)
    SELECT p.stock_code_a, p.stock_code_b, p.invoices_together, ca.invoices, cb.invoices,
           CAST(p.invoices_together AS numeric) / v_baskets_after,
           CAST(p.invoices_together AS numeric) / ca.invoices,
           CAST(p.invoices_together AS numeric) / cb.invoices,
           CAST(p.invoices_together AS numeric) * v_baskets_after / (CAST(ca.invoices AS numeric) * cb.invoices)
    FROM mart.frequent_pair_count AS p
    JOIN mart.product_basket_count AS ca ON ca.stock_code = p.stock_code_a
    JOIN mart.product_basket_count AS cb ON cb.stock_code = p.stock_code_b
    WHERE p.invoices_together >= GREATEST(2, 0.001 * v_baskets_after);

    -- After a rebuild, fresh statistics: the reporting queries' plans depend on them.
    IF p_batch_id IS NULL THEN
        ANALYZE mart.product_pair;
        ANALYZE mart.frequent_pair_count;
    END IF;
END;
$$;

-- A database that already holds sales gets its counts at once, so that the
-- next load has something to add to.
--changeset ecom:mart.frequent_pair_count.fill splitStatements:false
CALL mart.refresh_product_pair();
