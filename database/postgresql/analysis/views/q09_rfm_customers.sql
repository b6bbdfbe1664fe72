--liquibase formatted sql

-- Q09 (per customer). Business question: which customers are our best, and
-- which are slipping away? One row per customer with RFM scores 1..5
-- (quintiles by NTILE(5); 5 = best):
--   recency_days = reference_date - day of the last purchase, where
--     reference_date is the day after the LAST TRANSACTION IN THE DATA (not
--     today, so the result does not change as time passes); r_score 5 = most recent;
--   frequency = lifetime orders; f_score 5 = most orders;
--   monetary = lifetime revenue; m_score 5 = most revenue.
-- The scores are those of kpi.rfm (one RFM scoring for the project, its
-- tie-breakers documented there); this query adds the segment names.
-- Most customers have one order, so f_score 1 and 2 are all one-order customers.
-- segment from (r_score, f_score), the usual RFM map:
--   Champions R5 F4-5 | Loyal R3-4 F4-5 | Potential loyalists R4-5 F2-3 |
--   New customers R5 F1 | Promising R4 F1 | Need attention R3 F3 |
--   About to sleep R3 F1-2 | Cannot lose them R1-2 F5 | At risk R1-2 F3-4 |
--   Hibernating R1-2 F1-2.
-- Reads kpi.rfm. Totals per segment: analysis.q09_rfm_segments.
--changeset ecom:analysis.q09_rfm_customers runOnChange:true
CREATE OR REPLACE VIEW analysis.q09_rfm_customers AS
SELECT s.customer_id,
       s.reference_date,
       s.recency_days,
       s.frequency,
       s.monetary,
       s.r_score,
       s.f_score,
       s.m_score,
       CAST(CASE WHEN s.r_score = 5 AND s.f_score >= 4 THEN 'Champions'
                 WHEN s.r_score >= 3 AND s.f_score >= 4 THEN 'Loyal'
                 WHEN s.r_score >= 4 AND s.f_score >= 2 THEN 'Potential loyalists'
                 WHEN s.r_score = 5 THEN 'New customers'
                 WHEN s.r_score = 4 THEN 'Promising'
                 WHEN s.r_score = 3 AND s.f_score = 3 THEN 'Need attention'
                 WHEN s.r_score = 3 THEN 'About to sleep'
                 WHEN s.f_score = 5 THEN 'Cannot lose them'
                 WHEN s.f_score >= 3 THEN 'At risk'
                 ELSE 'Hibernating'
            END AS varchar(20)) AS segment
FROM kpi.rfm AS s;
