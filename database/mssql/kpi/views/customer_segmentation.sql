--liquibase formatted sql

-- Business question: how do the two segmentations see each customer? One row
-- per customer with clean sales:
--   rfm_segment, rfm_score: the rule-based RFM segment and its recency,
--     frequency and monetary quintiles (analysis.q09_rfm_customers), as of
--     the day after the data's last purchase;
--   ml_persona, ml_segment_id, ml_run_id: the k-means persona of the latest
--     succeeded segmentation run (ml.current_customer_segment); NULL before
--     the first run or for a customer that run did not score.
-- The two families never share a name (personas are "Active ...", "Lapsed
-- ...", "Lapsing"; RFM segments "Champions", "At risk" ...): they are built
-- differently and disagree for many customers.
--changeset ecom:kpi.customer_segmentation runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW kpi.customer_segmentation
AS
SELECT r.customer_id,
       r.segment AS rfm_segment,
       CAST(CONCAT(r.r_score, r.f_score, r.m_score) AS varchar(3)) AS rfm_score,
       m.segment_name AS ml_persona,
       m.segment_id AS ml_segment_id,
       m.run_id AS ml_run_id
FROM analysis.q09_rfm_customers AS r
LEFT JOIN ml.current_customer_segment AS m ON m.customer_id = r.customer_id;
GO
