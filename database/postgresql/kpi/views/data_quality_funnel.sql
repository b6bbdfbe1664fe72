--liquibase formatted sql

-- Business question: how much of what we received became clean sales, and
-- why was the rest left out? One row per batch and one overall row
-- (batch_id NULL). The exclusion counts overlap, so they do not add up to
-- rows_read - clean_rows; each says how many rows broke that rule. The
-- overall row has no file name. unmatched_cancellation_lines and
-- unmatched_cancelled_units: the kept cancellation lines of the batch (and
-- their units) that reverse no sale in the data (sales.match_returns), as of
-- now: a sale loaded later can still match them.
--changeset ecom:kpi.data_quality_funnel runOnChange:true
CREATE OR REPLACE VIEW kpi.data_quality_funnel AS
SELECT g.batch_id,
       CAST(CASE WHEN GROUPING(g.batch_id) = 0 THEN MIN(b.file_name) END AS varchar(400)) AS file_name,
       SUM(g.rows_read)                  AS rows_read,
       SUM(g.rows_rejected)              AS rows_rejected,
       SUM(g.missing_customer_rows)      AS missing_customer_rows,
       SUM(g.duplicate_rows)             AS duplicate_rows,
       SUM(g.cancellation_rows)          AS cancellation_rows,
       SUM(g.adjustment_rows)            AS adjustment_rows,
       SUM(g.non_positive_quantity_rows) AS non_positive_quantity_rows,
       SUM(g.non_positive_price_rows)    AS non_positive_price_rows,
       SUM(g.clean_rows)                 AS clean_rows,
       SUM(g.clean_revenue)              AS clean_revenue,
       -- bigint as on SQL Server (PostgreSQL's SUM of a bigint is numeric).
       CAST(SUM(COALESCE(u.unmatched_lines, 0)) AS bigint) AS unmatched_cancellation_lines,
       CAST(SUM(COALESCE(u.unmatched_units, 0)) AS bigint) AS unmatched_cancelled_units
FROM quality.batch_governance AS g
JOIN staging.load_batch AS b ON b.batch_id = g.batch_id
LEFT JOIN (
    SELECT batch_id, COUNT(*) AS unmatched_lines, SUM(CAST(unmatched_quantity AS bigint)) AS unmatched_units
    FROM sales.cancellation_line
    WHERE unmatched_quantity > 0
    GROUP BY batch_id
) AS u ON u.batch_id = g.batch_id
GROUP BY GROUPING SETS ((g.batch_id), ());
