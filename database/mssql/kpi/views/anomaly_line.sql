--liquibase formatted sql

-- Business question: of the lines the detection methods flag (about 7 % of
-- the real data's clean lines, far too many to check), which deserve a look
-- first? One row per sales line flagged by at least one method of
-- quality.anomaly, from its last detection run:
--   by_quantity_zscore, by_quantity_robust, by_price_robust: which methods
--     flagged it (kpi.anomaly_method_overlap counts the combinations);
--   methods: how many; strength: the largest |score| / threshold of its
--     methods, how many times past its own cut-off (each method scores on its
--     own scale, so scores are compared as multiples of their thresholds);
--   severity: critical = strength 10 or more, or all three methods;
--     high = strength 3 or more, or two methods (the two per-product methods
--     often agree: a bulk order gets a bulk price); moderate otherwise;
--   day_rank: the line's place among the flagged lines sold the same day,
--     most severe first, then strongest (1 = look at it first).
-- analysis.anomaly_worklist(n) keeps the n first of each day: a daily budget.
-- kpi.quantity_anomaly still lists the global z-score's lines (1,180).
--changeset ecom:kpi.anomaly_line runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW kpi.anomaly_line
AS
WITH flagged AS (
    SELECT a.invoice_line_id,
           CAST(MAX(CASE WHEN a.method = 'quantity_zscore' THEN 1 ELSE 0 END) AS bit)         AS by_quantity_zscore,
           CAST(MAX(CASE WHEN a.method = 'quantity_robust_product' THEN 1 ELSE 0 END) AS bit) AS by_quantity_robust,
           CAST(MAX(CASE WHEN a.method = 'price_robust_product' THEN 1 ELSE 0 END) AS bit)    AS by_price_robust,
           COUNT(*) AS methods,
           CAST(MAX(ABS(a.score) / a.threshold) AS decimal(12, 2)) AS strength
    FROM quality.anomaly AS a
    GROUP BY a.invoice_line_id
),
rated AS (
    SELECT f.invoice_line_id, f.by_quantity_zscore, f.by_quantity_robust, f.by_price_robust, f.methods, f.strength,
           CASE WHEN f.methods = 3 OR f.strength >= 10 THEN 3 WHEN f.methods = 2 OR f.strength >= 3 THEN 2 ELSE 1 END AS level
    FROM flagged AS f
)
SELECT r.invoice_line_id,
       l.invoice_no,
       i.invoice_date,
       CAST(i.invoice_date AS date) AS sale_date,
       i.customer_id,
       l.stock_code,
       l.quantity,
       l.unit_price,
       l.line_revenue,
       r.by_quantity_zscore,
       r.by_quantity_robust,
       r.by_price_robust,
       r.methods,
       r.strength,
       CAST(CASE r.level WHEN 3 THEN 'critical' WHEN 2 THEN 'high' ELSE 'moderate' END AS varchar(8)) AS severity,
       CAST(ROW_NUMBER() OVER (PARTITION BY CAST(i.invoice_date AS date)
                               ORDER BY r.level DESC, r.strength DESC, r.invoice_line_id) AS int) AS day_rank
FROM rated AS r
INNER JOIN sales.invoice_line AS l ON l.invoice_line_id = r.invoice_line_id
INNER JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no;
GO
