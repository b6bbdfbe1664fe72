--liquibase formatted sql

-- Flags clean sales lines whose quantity is an outlier, by two methods, and
-- refreshes both methods' rows in quality.anomaly (one call, one transaction):
-- * quantity_zscore: z = (quantity - mean) / sd over ALL clean lines, with the
--   population standard deviation; flagged when |z| > p_threshold.
--   On the real file |z| > 3 flags 1,180 lines: every quantity >= 452
--   (mean 13.489, sd 145.856). The sample sd gives the same 1,180 there.
-- * quantity_robust_product: the robust z of the quantity within its product
--   (quality.detect_robust_product_anomalies, |robust z| > p_robust_threshold,
--   3.5 by default). It catches what the global z cannot: 100 units of a
--   product usually sold in ones is z = 0.6 globally.
-- One procedure for both quantity methods so that a refresh never leaves
-- them computed on different data; quality.detect_price_anomalies does prices.
-- p_full: true (the default) recounts every line, false counts only the
-- batches loaded since the last detection (see the robust procedure). The
-- z-score is global: every load moves the mean and sd, so its rows are always
-- all rewritten, but from quality.measure_count (n, sum and sum of squares of
-- a few tens of thousands of counted values, exact decimals) and through the
-- index on (stock_code, quantity): the cost of the lines it flags, not of all.
--changeset ecom:quality.detect_quantity_anomalies runOnChange:true splitStatements:false
DROP PROCEDURE IF EXISTS quality.detect_quantity_anomalies(numeric, numeric);
CREATE OR REPLACE PROCEDURE quality.detect_quantity_anomalies(
    p_threshold numeric DEFAULT 3.0,
    p_robust_threshold numeric DEFAULT 3.5,
    p_full boolean DEFAULT true)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    CALL quality.detect_robust_product_anomalies('quantity', p_robust_threshold, p_full);

    DELETE FROM quality.anomaly WHERE method = 'quantity_zscore';

    INSERT INTO quality.anomaly (invoice_line_id, method, score, threshold, detected_at)
    WITH sums AS (
        SELECT SUM(m.line_count) AS n, SUM(m.line_count * m.x) AS s1, SUM(m.line_count * m.x * m.x) AS s2
        FROM quality.measure_count AS m
        WHERE m.measure = 'quantity'
    ), stats AS (
        SELECT s.s1::float8 / s.n::float8 AS mean_q,
               sqrt((s.n * s.s2 - s.s1 * s.s1)::float8 / (s.n::float8 * s.n::float8)) AS sd_q
        FROM sums AS s
        WHERE s.n > 0
    ), flagged AS (
        SELECT m.stock_code, m.x, (m.x::float8 - st.mean_q) / st.sd_q AS score
        FROM quality.measure_count AS m
        CROSS JOIN stats AS st
        WHERE m.measure = 'quantity'
          AND st.sd_q > 0
          AND abs((m.x::float8 - st.mean_q) / st.sd_q) > p_threshold
    )
    SELECT l.invoice_line_id, 'quantity_zscore', round(f.score::numeric, 6), p_threshold, LOCALTIMESTAMP
    FROM flagged AS f
    JOIN sales.invoice_line AS l ON l.stock_code = f.stock_code AND l.quantity = f.x::integer;
END;
$$;
