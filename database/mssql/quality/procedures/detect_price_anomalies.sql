--liquibase formatted sql

-- Flags clean sales lines whose unit price is an outlier for its product:
-- the robust per-product method of quality.detect_robust_product_anomalies
-- on unit_price (method price_robust_product, |robust z| > @threshold,
-- 3.5 by default), refreshing that method's rows in quality.anomaly.
-- @full: 1 (the default) recounts every line, 0 counts only the batches
-- loaded since the last detection.
-- Split on GO only: the semicolons inside the body must reach the server.
--changeset ecom:quality.detect_price_anomalies runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE quality.detect_price_anomalies
    @threshold decimal(6, 3) = 3.5,
    @full bit = 1
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    EXEC quality.detect_robust_product_anomalies @measure = 'price', @threshold = @threshold, @full = @full;
END;
GO
