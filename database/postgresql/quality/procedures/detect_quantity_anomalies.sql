--liquibase formatted sql

-- Flags clean sales lines whose quantity is an outlier, by two methods, and
-- replaces both methods' rows in quality.anomaly (one call, one transaction):
-- * quantity_zscore: z = (quantity - mean) / sd over ALL clean lines, with the
--   population standard deviation (stddev_pop); flagged when |z| > p_threshold.
--   On the real file |z| > 3 flags 1,180 lines: every quantity >= 452
--   (mean 13.489, sd 145.856). The sample sd gives the same 1,180 there.
-- * quantity_robust_product: the robust z of the quantity within its product
--   (quality.detect_robust_product_anomalies, |robust z| > p_robust_threshold,
--   3.5 by default). It catches what the global z cannot: 100 units of a
--   product usually sold in ones is z = 0.6 globally.
-- One procedure for both quantity methods so that a refresh never leaves
-- them computed on different data; quality.detect_price_anomalies does prices.
--changeset ecom:quality.detect_quantity_anomalies runOnChange:true splitStatements:false
CREATE OR REPLACE PROCEDURE quality.detect_quantity_anomalies(
    p_threshold numeric DEFAULT 3.0,
    p_robust_threshold numeric DEFAULT 3.5)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DELETE FROM quality.anomaly WHERE method = 'quantity_zscore';

    INSERT INTO quality.anomaly (invoice_line_id, method, score, threshold, detected_at)
    WITH stats AS (
        SELECT avg(l.quantity::float8) AS mean_q, stddev_pop(l.quantity::float8) AS sd_q
        FROM sales.invoice_line AS l
    ), scored AS (
        SELECT l.invoice_line_id, (l.quantity - s.mean_q) / s.sd_q AS score
        FROM sales.invoice_line AS l
        CROSS JOIN stats AS s
        WHERE s.sd_q > 0
    )
    SELECT sc.invoice_line_id, 'quantity_zscore', round(sc.score::numeric, 6), p_threshold, LOCALTIMESTAMP
    FROM scored AS sc
    WHERE abs(sc.score) > p_threshold;

    CALL quality.detect_robust_product_anomalies('quantity', p_robust_threshold);
END;
$$;
