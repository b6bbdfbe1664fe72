--liquibase formatted sql

-- Flags clean sales lines whose quantity is an outlier, by two methods, and
-- replaces both methods' rows in quality.anomaly (one call, one transaction):
-- * quantity_zscore: z = (quantity - mean) / sd over ALL clean lines, with the
--   population standard deviation (STDEVP); flagged when |z| > @threshold.
--   On the real file |z| > 3 flags 1,180 lines: every quantity >= 452
--   (mean 13.489, sd 145.856). The sample sd gives the same 1,180 there.
-- * quantity_robust_product: the robust z of the quantity within its product
--   (quality.detect_robust_product_anomalies, |robust z| > @robust_threshold,
--   3.5 by default). It catches what the global z cannot: 100 units of a
--   product usually sold in ones is z = 0.6 globally.
-- One procedure for both quantity methods so that a refresh never leaves
-- them computed on different data; quality.detect_price_anomalies does prices.
-- AVG of an int column is an int in T-SQL, hence the casts to float.
-- Split on GO only: the semicolons inside the body must reach the server.
--changeset ecom:quality.detect_quantity_anomalies runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE quality.detect_quantity_anomalies
    @threshold decimal(6, 3) = 3.0,
    @robust_threshold decimal(6, 3) = 3.5
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    BEGIN TRANSACTION;

    DELETE FROM quality.anomaly
    WHERE method = 'quantity_zscore';

    WITH stats AS (
        SELECT AVG(CAST(quantity AS float)) AS mean_q, STDEVP(CAST(quantity AS float)) AS sd_q
        FROM sales.invoice_line
    ), scored AS (
        SELECT l.invoice_line_id, (l.quantity - s.mean_q) / s.sd_q AS score
        FROM sales.invoice_line AS l
        CROSS JOIN stats AS s
        WHERE s.sd_q > 0
    )
    INSERT INTO quality.anomaly (invoice_line_id, method, score, threshold, detected_at)
    SELECT invoice_line_id, 'quantity_zscore', CAST(ROUND(score, 6) AS decimal(18, 6)), @threshold, SYSDATETIME()
    FROM scored
    WHERE ABS(score) > @threshold;

    EXEC quality.detect_robust_product_anomalies @measure = 'quantity', @threshold = @robust_threshold;

    COMMIT TRANSACTION;
END;
GO
