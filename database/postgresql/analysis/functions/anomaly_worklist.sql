--liquibase formatted sql

-- Business question: which flagged lines should someone check today, within
-- the time they have? The first p_lines_per_day lines of each sale day of
-- kpi.anomaly_line (most severe first, then strongest), e.g. 50: a daily
-- budget of lines to act on instead of every flagged line. Same columns as
-- kpi.anomaly_line; ordered by the caller.
--changeset ecom:analysis.anomaly_worklist runOnChange:true splitStatements:false
CREATE OR REPLACE FUNCTION analysis.anomaly_worklist(p_lines_per_day integer)
RETURNS TABLE (invoice_line_id bigint, invoice_no varchar(20), invoice_date timestamp, sale_date date,
               customer_id integer, stock_code varchar(20), quantity integer, unit_price numeric(12,3),
               line_revenue numeric(18,3), by_quantity_zscore boolean, by_quantity_robust boolean,
               by_price_robust boolean, methods integer, strength numeric(12,2), severity varchar(8),
               day_rank integer)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
SELECT a.invoice_line_id, a.invoice_no, a.invoice_date, a.sale_date, a.customer_id, a.stock_code, a.quantity,
       a.unit_price, a.line_revenue, a.by_quantity_zscore, a.by_quantity_robust, a.by_price_robust, a.methods,
       a.strength, a.severity, a.day_rank
FROM kpi.anomaly_line AS a
WHERE a.day_rank <= p_lines_per_day;
$$;
