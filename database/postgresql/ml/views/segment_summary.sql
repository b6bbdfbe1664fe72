--liquibase formatted sql

-- Per segment of the current segmentation: customers, their revenue and its
-- share of all segmented revenue, orders, and revenue per order. Revenue and
-- orders are the customers' figures today (mart.customer_summary), which are
-- those the segmentation saw unless a file was loaded after the run.
--changeset ecom:ml.segment_summary runOnChange:true
CREATE OR REPLACE VIEW ml.segment_summary AS
SELECT s.segment_id, s.segment_name,
       COUNT(*) AS customers,
       SUM(c.revenue) AS revenue,
       CAST(SUM(c.revenue) / NULLIF(SUM(SUM(c.revenue)) OVER (), 0) AS numeric(9,6)) AS revenue_share,
       SUM(c.orders) AS orders,
       CAST(SUM(c.revenue) / NULLIF(SUM(c.orders), 0) AS numeric(18,2)) AS avg_revenue_per_order
FROM ml.current_customer_segment AS s
JOIN mart.customer_summary AS c ON c.customer_id = s.customer_id
GROUP BY s.segment_id, s.segment_name;
