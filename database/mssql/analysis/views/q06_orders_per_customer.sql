--liquibase formatted sql

-- Q06. Business question: how often do customers come back?
-- Customers by their lifetime number of orders, in seven buckets (1, 2, 3,
-- 4-5, 6-10, 11-20, 21+; bucket_order sorts them; max_orders NULL = no upper
-- bound). Every bucket has a row, empty ones with 0. customer_share and
-- revenue_share are 0..1 of all customers / all revenue: a large share of
-- one-order customers with a small share of revenue is the usual picture.
-- Reads mart.customer_summary.
--changeset ecom:analysis.q06_orders_per_customer runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW analysis.q06_orders_per_customer
AS
WITH by_orders AS (
    SELECT c.orders, COUNT(*) AS customers, SUM(c.revenue) AS revenue
    FROM mart.customer_summary AS c
    GROUP BY c.orders
), total AS (
    SELECT SUM(customers) AS customers, SUM(revenue) AS revenue FROM by_orders
)
SELECT b.bucket_order,
       b.bucket,
       b.min_orders,
       b.max_orders,
       COALESCE(SUM(o.customers), 0) AS customers,
       CAST(CAST(COALESCE(SUM(o.customers), 0) AS decimal(18, 6)) / NULLIF(t.customers, 0) AS decimal(9, 6))
           AS customer_share,
       CAST(COALESCE(SUM(o.revenue), 0) AS decimal(18, 3)) AS revenue,
       CAST(COALESCE(SUM(o.revenue), 0) / NULLIF(t.revenue, 0) AS decimal(9, 6)) AS revenue_share
FROM (VALUES (1, '1', 1, 1), (2, '2', 2, 2), (3, '3', 3, 3), (4, '4-5', 4, 5),
             (5, '6-10', 6, 10), (6, '11-20', 11, 20), (7, '21+', 21, NULL))
     AS b (bucket_order, bucket, min_orders, max_orders)
CROSS JOIN total AS t
LEFT JOIN by_orders AS o
       ON o.orders >= b.min_orders AND (b.max_orders IS NULL OR o.orders <= b.max_orders)
GROUP BY b.bucket_order, b.bucket, b.min_orders, b.max_orders, t.customers, t.revenue;
GO
