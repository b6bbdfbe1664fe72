--liquibase formatted sql

-- Business question: which sales lines were ordered in a quantity far from
-- the usual, worth a look before they skew a report (a wholesale order, a
-- typo, a test order)? One row per flagged line and method, from
-- quality.detect_quantity_anomalies:
-- * method quantity_zscore: far from the quantity of all sales lines; score is
--   the z (standard deviations above the overall mean; |z| > 3 by default).
--   These are the very large orders.
-- * method quantity_robust_product: far from what this product usually sells
--   in; score is the robust z (about how many standard deviations from the
--   product's median quantity; |score| > 3.5 by default). A positive score is
--   more than usual, a negative one less (e.g. 1 unit of what sells by 100).
-- A line flagged by both methods appears twice. The figures are those of the
-- last detection run (quality.anomaly), not live.
--changeset ecom:kpi.quantity_anomaly runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW kpi.quantity_anomaly
AS
SELECT a.invoice_line_id,
       l.invoice_no,
       i.invoice_date,
       i.customer_id,
       l.stock_code,
       l.quantity,
       l.unit_price,
       a.method,
       a.score
FROM quality.anomaly AS a
INNER JOIN sales.invoice_line AS l ON l.invoice_line_id = a.invoice_line_id
INNER JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no
WHERE a.method IN ('quantity_zscore', 'quantity_robust_product');
GO
