--liquibase formatted sql

-- Business question: do the anomaly methods agree? One row per combination
-- of methods that flagged at least one line (from kpi.anomaly_line): lines
-- flagged by exactly that combination, and how many of them are critical.
-- The rows add up to the distinct flagged lines; a method's own count is the
-- sum of the rows where it is true.
--changeset ecom:kpi.anomaly_method_overlap runOnChange:true
CREATE OR REPLACE VIEW kpi.anomaly_method_overlap AS
SELECT by_quantity_zscore,
       by_quantity_robust,
       by_price_robust,
       CAST(COUNT(*) AS integer) AS lines,
       CAST(SUM(CASE WHEN severity = 'critical' THEN 1 ELSE 0 END) AS integer) AS critical_lines
FROM kpi.anomaly_line
GROUP BY by_quantity_zscore, by_quantity_robust, by_price_robust;
