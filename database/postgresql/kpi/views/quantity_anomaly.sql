--liquibase formatted sql

-- Business question: which sales lines were ordered in a quantity far beyond
-- the usual, worth a look before they skew a report (a wholesale order, a
-- typo, a test order)? One row per line flagged by the global z-score of
-- quality.detect_quantity_anomalies: score = how many standard deviations the
-- quantity lies from the mean of all clean lines (|z| > 3 by default: 1,180
-- lines of the real data). also_unusual_for_product: the robust per-product
-- method flagged the line too. That method's own flags (about 59k lines of the
-- real data, most of them moderate) stay in quality.anomaly: a list that long
-- is no report, and joining it to the sales lines took 200 ms a query, twice
-- the budget of a DirectQuery visual. The figures are those of the last
-- detection run, not live.
--   month_start, country_name: the month and country of the line's invoice,
--     so a report filters the anomalies by the month and country of their
--     sale (as kpi.customer_month_sales), not by their customer's.
--changeset ecom:kpi.quantity_anomaly runOnChange:true
CREATE OR REPLACE VIEW kpi.quantity_anomaly AS
SELECT a.invoice_line_id,
       l.invoice_no,
       i.invoice_date,
       i.customer_id,
       l.stock_code,
       l.quantity,
       l.unit_price,
       a.method,
       a.score,
       EXISTS (SELECT 1
               FROM quality.anomaly AS r
               WHERE r.invoice_line_id = a.invoice_line_id
                 AND r.method = 'quantity_robust_product') AS also_unusual_for_product,
       CAST(date_trunc('month', i.invoice_date) AS date) AS month_start,
       c.country_name
FROM quality.anomaly AS a
JOIN sales.invoice_line AS l ON l.invoice_line_id = a.invoice_line_id
JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no
JOIN sales.country AS c ON c.country_id = i.country_id
WHERE a.method = 'quantity_zscore';
