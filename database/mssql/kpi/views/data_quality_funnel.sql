--liquibase formatted sql

-- Business question: how much of what we received became clean sales, and
-- why was the rest left out? One row per batch and one overall row
-- (batch_id NULL). The exclusion counts overlap, so they do not add up to
-- rows_read - clean_rows; each says how many rows broke that rule.
--changeset ecom:kpi.data_quality_funnel runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW kpi.data_quality_funnel
AS
SELECT g.batch_id,
       MIN(b.file_name)                  AS file_name,
       SUM(g.rows_read)                  AS rows_read,
       SUM(g.rows_rejected)              AS rows_rejected,
       SUM(g.missing_customer_rows)      AS missing_customer_rows,
       SUM(g.duplicate_rows)             AS duplicate_rows,
       SUM(g.cancellation_rows)          AS cancellation_rows,
       SUM(g.adjustment_rows)            AS adjustment_rows,
       SUM(g.non_positive_quantity_rows) AS non_positive_quantity_rows,
       SUM(g.non_positive_price_rows)    AS non_positive_price_rows,
       SUM(g.clean_rows)                 AS clean_rows,
       SUM(g.clean_revenue)              AS clean_revenue
FROM quality.batch_governance AS g
INNER JOIN staging.load_batch AS b ON b.batch_id = g.batch_id
GROUP BY GROUPING SETS ((g.batch_id), ());
GO
