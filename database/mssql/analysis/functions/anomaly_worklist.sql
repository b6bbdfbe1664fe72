--liquibase formatted sql

-- Business question: which flagged lines should someone check today, within
-- the time they have? The first p_lines_per_day lines of each sale day of
-- kpi.anomaly_line (most severe first, then strongest), e.g. 50: a daily
-- budget of lines to act on instead of every flagged line. Same columns as
-- kpi.anomaly_line; ordered by the caller.
--changeset ecom:analysis.anomaly_worklist runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER FUNCTION analysis.anomaly_worklist (@lines_per_day int)
RETURNS TABLE
AS
RETURN
SELECT a.invoice_line_id, a.invoice_no, a.invoice_date, a.sale_date, a.customer_id, a.stock_code, a.quantity,
       a.unit_price, a.line_revenue, a.by_quantity_zscore, a.by_quantity_robust, a.by_price_robust, a.methods,
       a.strength, a.severity, a.day_rank
FROM kpi.anomaly_line AS a
WHERE a.day_rank <= @lines_per_day;
GO
