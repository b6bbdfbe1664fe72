--liquibase formatted sql

-- Flags clean sales lines whose quantity is an outlier, by two methods, and
-- refreshes both methods' rows in quality.anomaly (one call, one transaction):
-- * quantity_zscore: z = (quantity - mean) / sd over ALL clean lines, with the
--   population standard deviation; flagged when |z| > @threshold.
--   On the real file |z| > 3 flags 1,180 lines: every quantity >= 452
--   (mean 13.489, sd 145.856). The sample sd gives the same 1,180 there.
-- * quantity_robust_product: the robust z of the quantity within its product
--   (quality.detect_robust_product_anomalies, |robust z| > @robust_threshold,
--   3.5 by default). It catches what the global z cannot: 100 units of a
--   product usually sold in ones is z = 0.6 globally.
-- One procedure for both quantity methods so that a refresh never leaves
-- them computed on different data; quality.detect_price_anomalies does prices.
-- @full: 1 (the default) recounts every line, 0 counts only the batches
-- loaded since the last detection (see the robust procedure). The z-score is
-- global: every load moves the mean and sd, so its rows are always all
-- rewritten, but from quality.measure_count (n, sum and sum of squares of a
-- few tens of thousands of counted values, exact decimals) and through the
-- index on (stock_code, quantity): the cost of the lines it flags, not of all.
-- Split on GO only: the semicolons inside the body must reach the server.
--changeset ecom:quality.detect_quantity_anomalies runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE quality.detect_quantity_anomalies
    @threshold decimal(6, 3) = 3.0,
    @robust_threshold decimal(6, 3) = 3.5,
    @full bit = 1
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    BEGIN TRANSACTION;

    EXEC quality.detect_robust_product_anomalies @measure = 'quantity', @threshold = @robust_threshold, @full = @full;

    DELETE FROM quality.anomaly
    WHERE method = 'quantity_zscore';

    WITH sums AS (
        SELECT SUM(line_count) AS n, SUM(line_count * x) AS s1, SUM(line_count * x * x) AS s2
        FROM quality.measure_count
        WHERE measure = 'quantity'
    ), stats AS (
        SELECT CAST(s1 AS float) / CAST(n AS float) AS mean_q,
               SQRT(CAST(n * s2 - s1 * s1 AS float) / (CAST(n AS float) * CAST(n AS float))) AS sd_q
        FROM sums
        WHERE n > 0
    ), flagged AS (
        SELECT m.stock_code, m.x, (CAST(m.x AS float) - st.mean_q) / st.sd_q AS score
        FROM quality.measure_count AS m
        CROSS JOIN stats AS st
        WHERE m.measure = 'quantity'
          AND st.sd_q > 0
          AND ABS((CAST(m.x AS float) - st.mean_q) / st.sd_q) > @threshold
    )
    INSERT INTO quality.anomaly (invoice_line_id, method, score, threshold, detected_at)
    SELECT l.invoice_line_id, 'quantity_zscore', CAST(ROUND(f.score, 6) AS decimal(18, 6)), @threshold, SYSDATETIME()
    FROM flagged AS f
    JOIN sales.invoice_line AS l ON l.stock_code = f.stock_code AND l.quantity = CAST(f.x AS int);

    COMMIT TRANSACTION;
END;
GO
