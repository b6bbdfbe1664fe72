--liquibase formatted sql

-- The robust per-product method, shared by the quantity and the price
-- detection (p_measure 'quantity' or 'price'; method '<measure>_robust_product'):
-- refreshes that method's rows in quality.anomaly. Called by
-- quality.detect_quantity_anomalies and quality.detect_price_anomalies; nobody
-- else needs to call it directly.
--
-- Within each product (stock_code), over the clean lines of sales.invoice_line:
--   median = percentile_cont(0.5) of x, MAD = median of |x - median|
--   robust z = 0.6745 * (x - median) / MAD            (Iglewicz and Hoaglin)
-- and a line is flagged when |robust z| > p_threshold (3.5 is their cut-off).
-- Rules, decided on the real file (3,423 of its 4,631 products qualify):
-- * Products with fewer than 20 clean lines are skipped: a median and a MAD of
--   a handful of lines say little about what is usual.
-- * MAD = 0 (more than half the lines share one value: a product sold in ones,
--   or at its list price) falls back to the mean absolute deviation around the
--   median: robust z = (x - median) / (1.253314 * MeanAD), as IBM's modified z
--   score does. Skipping those products instead would miss exactly what this
--   method is for (a 100-unit order of a product usually sold in ones), and
--   802 products for quantity, 3,356 for price, have MAD = 0.
--   Consequence on prices: most products have one list price, so the fallback
--   also flags the lines sold at a price break. MeanAD = 0 (every line equal)
--   flags nothing.
--
-- Computed from quality.measure_count (lines per product and value), not from
-- the lines: the median is the mean of the values at ranks (n+1)/2 and (n+2)/2
-- of the cumulative counts, the MAD the same over |x - median|, MeanAD their
-- weighted mean (sums in exact decimals, then float, so that the result does
-- not depend on the order rows are read in, nor on the engine). A score depends only on the
-- product and the value, so the flagged lines are found through the index on
-- (stock_code, quantity) or (stock_code, unit_price).
-- p_full true (the default, repair): recount every line, rescore every product.
-- p_full false (after a load): count only the batches not counted yet
-- (quality.measure_count_batch) and rescore only their products; the others'
-- scores cannot have changed. Both end in the same rows.
--changeset ecom:quality.detect_robust_product_anomalies runOnChange:true splitStatements:false
DROP PROCEDURE IF EXISTS quality.detect_robust_product_anomalies(varchar, numeric);
CREATE OR REPLACE PROCEDURE quality.detect_robust_product_anomalies(
    p_measure varchar,
    p_threshold numeric,
    p_full boolean DEFAULT true)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_method varchar(30) := p_measure || '_robust_product';
    v_new_batches bigint[];
BEGIN
    IF p_measure IS NULL OR p_measure NOT IN ('quantity', 'price') THEN
        RAISE EXCEPTION 'p_measure must be quantity or price, not %', p_measure;
    END IF;

    DROP TABLE IF EXISTS added_count, flagged_value;
    CREATE TEMP TABLE added_count (stock_code varchar(20), x numeric(12,3), line_count bigint) ON COMMIT DROP;
    CREATE TEMP TABLE flagged_value (stock_code varchar(20), x numeric(12,3), score float8) ON COMMIT DROP;

    IF p_full THEN
        DELETE FROM quality.anomaly WHERE method = v_method;
        DELETE FROM quality.measure_count WHERE measure = p_measure;
        DELETE FROM quality.measure_count_batch WHERE measure = p_measure;
        INSERT INTO added_count (stock_code, x, line_count)
        SELECT l.stock_code, CASE WHEN p_measure = 'quantity' THEN l.quantity ELSE l.unit_price END, COUNT(*)
        FROM sales.invoice_line AS l
        GROUP BY 1, 2;
        INSERT INTO quality.measure_count_batch (measure, batch_id)
        SELECT p_measure, b.batch_id
        FROM staging.load_batch AS b
        WHERE EXISTS (SELECT 1 FROM sales.invoice_line AS l WHERE l.batch_id = b.batch_id);
    ELSE
        WITH new_batch AS (
            INSERT INTO quality.measure_count_batch (measure, batch_id)
            SELECT p_measure, b.batch_id
            FROM staging.load_batch AS b
            WHERE NOT EXISTS (SELECT 1 FROM quality.measure_count_batch AS c
                              WHERE c.measure = p_measure AND c.batch_id = b.batch_id)
              AND EXISTS (SELECT 1 FROM sales.invoice_line AS l WHERE l.batch_id = b.batch_id)
            RETURNING batch_id
        )
        SELECT array_agg(nb.batch_id) INTO v_new_batches FROM new_batch AS nb;

        -- The batch ids as values, not a join: the planner then sees how few
        -- lines they have (a day against the history) and reads them by index.
        INSERT INTO added_count (stock_code, x, line_count)
        SELECT l.stock_code, CASE WHEN p_measure = 'quantity' THEN l.quantity ELSE l.unit_price END, COUNT(*)
        FROM sales.invoice_line AS l
        WHERE l.batch_id = ANY (v_new_batches)
        GROUP BY 1, 2;

        DELETE FROM quality.anomaly AS a
        USING sales.invoice_line AS l
        WHERE a.method = v_method
          AND l.invoice_line_id = a.invoice_line_id
          AND l.stock_code IN (SELECT ad.stock_code FROM added_count AS ad);
    END IF;

    INSERT INTO quality.measure_count AS m (measure, stock_code, x, line_count)
    SELECT p_measure, ad.stock_code, ad.x, ad.line_count
    FROM added_count AS ad
    ON CONFLICT (measure, stock_code, x) DO UPDATE SET line_count = m.line_count + EXCLUDED.line_count;

    INSERT INTO flagged_value (stock_code, x, score)
    WITH counted AS (
        SELECT m.stock_code, m.x, m.line_count,
               (SUM(m.line_count) OVER (PARTITION BY m.stock_code))::bigint AS n,
               SUM(m.line_count) OVER (PARTITION BY m.stock_code ORDER BY m.x) AS cumulative
        FROM quality.measure_count AS m
        WHERE m.measure = p_measure
          AND m.stock_code IN (SELECT ad.stock_code FROM added_count AS ad)
    ), centre AS (
        SELECT c.stock_code, c.n,
               (MIN(CASE WHEN c.cumulative >= (c.n + 1) / 2 THEN c.x END)
                + MIN(CASE WHEN c.cumulative >= (c.n + 2) / 2 THEN c.x END)) / 2 AS median_x
        FROM counted AS c
        WHERE c.n >= 20
        GROUP BY c.stock_code, c.n
    ), deviation AS (
        SELECT c.stock_code, ce.n, ce.median_x, abs(c.x - ce.median_x) AS d, SUM(c.line_count) AS line_count
        FROM counted AS c
        JOIN centre AS ce ON ce.stock_code = c.stock_code
        GROUP BY c.stock_code, ce.n, ce.median_x, abs(c.x - ce.median_x)
    ), ranked_deviation AS (
        SELECT dv.*, SUM(dv.line_count) OVER (PARTITION BY dv.stock_code ORDER BY dv.d) AS cumulative
        FROM deviation AS dv
    ), spread AS (
        SELECT r.stock_code, r.median_x,
               (MIN(CASE WHEN r.cumulative >= (r.n + 1) / 2 THEN r.d END)
                + MIN(CASE WHEN r.cumulative >= (r.n + 2) / 2 THEN r.d END)) / 2 AS mad,
               SUM(r.d * r.line_count)::float8 / r.n::float8 AS mean_ad
        FROM ranked_deviation AS r
        GROUP BY r.stock_code, r.n, r.median_x
    ), scored AS (
        SELECT c.stock_code, c.x,
               CASE WHEN s.mad > 0 THEN 0.6745 * (c.x - s.median_x)::float8 / s.mad::float8
                    WHEN s.mean_ad > 0 THEN (c.x - s.median_x)::float8 / (1.253314 * s.mean_ad)
               END AS score
        FROM counted AS c
        JOIN spread AS s ON s.stock_code = c.stock_code
    )
    SELECT sc.stock_code, sc.x, sc.score
    FROM scored AS sc
    WHERE abs(sc.score) > p_threshold;

    -- Two statements, so that each join can use its index.
    IF p_measure = 'quantity' THEN
        INSERT INTO quality.anomaly (invoice_line_id, method, score, threshold, detected_at)
        SELECT l.invoice_line_id, v_method, round(f.score::numeric, 6), p_threshold, LOCALTIMESTAMP
        FROM flagged_value AS f
        JOIN sales.invoice_line AS l ON l.stock_code = f.stock_code AND l.quantity = f.x::integer;
    ELSE
        INSERT INTO quality.anomaly (invoice_line_id, method, score, threshold, detected_at)
        SELECT l.invoice_line_id, v_method, round(f.score::numeric, 6), p_threshold, LOCALTIMESTAMP
        FROM flagged_value AS f
        JOIN sales.invoice_line AS l ON l.stock_code = f.stock_code AND l.unit_price = f.x;
    END IF;

    IF p_full THEN
        -- Fresh statistics for the readers of kpi.quantity_anomaly: without them
        -- a join to the tens of thousands of new rows can pick a nested loop
        -- (SQL Server updates its statistics on the next query by itself).
        ANALYZE quality.anomaly;
        ANALYZE quality.measure_count;
    END IF;
END;
$$;
