--liquibase formatted sql

-- Business question: which customers are the best, which are slipping away?
-- Recency, frequency and monetary value per customer with clean sales, from
-- mart.customer_summary, each scored in quintiles 1..5 (NTILE), 5 = best:
--   r_score 5 = bought most recently (smallest recency_days),
--   f_score 5 = most orders (frequency), m_score 5 = highest spend (monetary).
-- rfm_score joins the three digits: '555' is a champion, '155' a big spender
-- who has not come back, '111' a lost one-off.
-- reference_date is the day after the LAST purchase in the data (the latest
-- mart.customer_summary.last_purchase_at + 1 day), NOT today: the data
-- ends in December 2011, and measuring recency from today's date makes every
-- customer years old, which is how the original analysis concluded that 99 %
-- of customers were "at risk". recency_days = reference_date minus the date
-- of the customer's last purchase (1 = bought on the last day of the data).
-- Equal values can fall in two neighbouring quintiles (NTILE cuts the ranking
-- into five equal groups); ties are broken (recency by the time of the last
-- purchase, frequency by revenue, then the customer id), so the scores are the
-- same at each refresh and on both engines. analysis.q09_rfm_customers names
-- segments from these scores.
--changeset ecom:kpi.rfm runOnChange:true
CREATE OR REPLACE VIEW kpi.rfm AS
WITH r AS (
    SELECT CAST(MAX(last_purchase_at) AS date) + 1 AS reference_date
    FROM mart.customer_summary
), c AS (
    SELECT s.customer_id,
           r.reference_date - CAST(s.last_purchase_at AS date) AS recency_days,
           s.orders  AS frequency,
           s.revenue AS monetary,
           s.last_purchase_at,
           r.reference_date
    FROM mart.customer_summary AS s
    CROSS JOIN r
), scored AS (
    SELECT c.customer_id, c.recency_days, c.frequency, c.monetary, c.reference_date,
           CAST(NTILE(5) OVER (ORDER BY c.last_purchase_at, c.customer_id) AS integer) AS r_score,
           CAST(NTILE(5) OVER (ORDER BY c.frequency, c.monetary, c.customer_id) AS integer) AS f_score,
           CAST(NTILE(5) OVER (ORDER BY c.monetary, c.customer_id) AS integer) AS m_score
    FROM c
)
SELECT customer_id, recency_days, frequency, monetary, r_score, f_score, m_score,
       CAST(CONCAT(r_score, f_score, m_score) AS varchar(3)) AS rfm_score,
       reference_date
FROM scored;
