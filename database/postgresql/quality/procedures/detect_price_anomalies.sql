--liquibase formatted sql

-- Flags clean sales lines whose unit price is an outlier for its product:
-- the robust per-product method of quality.detect_robust_product_anomalies
-- on unit_price (method price_robust_product, |robust z| > p_threshold,
-- 3.5 by default), refreshing that method's rows in quality.anomaly.
-- p_full: true (the default) recounts every line, false counts only the
-- batches loaded since the last detection.
--changeset ecom:quality.detect_price_anomalies runOnChange:true splitStatements:false
DROP PROCEDURE IF EXISTS quality.detect_price_anomalies(numeric);
CREATE OR REPLACE PROCEDURE quality.detect_price_anomalies(
    p_threshold numeric DEFAULT 3.5,
    p_full boolean DEFAULT true)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    CALL quality.detect_robust_product_anomalies('price', p_threshold, p_full);
END;
$$;
