--liquibase formatted sql

-- Q09 (per segment). Business question: how many customers and how much
-- revenue sit in each RFM segment? One row per segment (all ten, empty ones
-- with 0; segment_order sorts them from best to worst): customers,
-- customer_share and revenue_share (0..1), and the segment's average
-- recency in days, orders and revenue per customer. Segments and scores:
-- see analysis.q09_rfm_customers.
--changeset ecom:analysis.q09_rfm_segments runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW analysis.q09_rfm_segments
AS
WITH agg AS (
    SELECT c.segment,
           COUNT(*) AS customers,
           SUM(c.monetary) AS revenue,
           AVG(CAST(c.recency_days AS decimal(18, 2))) AS avg_recency_days,
           AVG(CAST(c.frequency AS decimal(18, 2))) AS avg_frequency,
           AVG(c.monetary) AS avg_monetary
    FROM analysis.q09_rfm_customers AS c
    GROUP BY c.segment
), total AS (
    SELECT SUM(customers) AS customers, SUM(revenue) AS revenue FROM agg
)
SELECT s.segment_order,
       s.segment,
       COALESCE(a.customers, 0) AS customers,
       CAST(CAST(COALESCE(a.customers, 0) AS decimal(18, 6)) / NULLIF(t.customers, 0) AS decimal(9, 6))
           AS customer_share,
       CAST(COALESCE(a.revenue, 0) AS decimal(18, 3)) AS revenue,
       CAST(COALESCE(a.revenue, 0) / NULLIF(t.revenue, 0) AS decimal(9, 6)) AS revenue_share,
       CAST(a.avg_recency_days AS decimal(9, 1)) AS avg_recency_days,
       CAST(a.avg_frequency AS decimal(9, 2)) AS avg_frequency,
       CAST(a.avg_monetary AS decimal(18, 2)) AS avg_monetary
FROM (VALUES (1, 'Champions'), (2, 'Loyal'), (3, 'Potential loyalists'), (4, 'New customers'),
             (5, 'Promising'), (6, 'Need attention'), (7, 'About to sleep'), (8, 'Cannot lose them'),
             (9, 'At risk'), (10, 'Hibernating')) AS s (segment_order, segment)
CROSS JOIN total AS t
LEFT JOIN agg AS a ON a.segment = s.segment;
GO
