--liquibase formatted sql

-- Q12 (customers). Business question: which customers make 80% of revenue?
-- One row per customer, by lifetime revenue: revenue_rank 1 = largest (ties
-- broken by customer_id), cumulative_revenue of ranks 1..this,
-- cumulative_share (0..1 of all revenue) and in_top_80: the customer is among
-- the fewest top customers whose revenue reaches 80% (the one that crosses
-- the line is in). How many they are: analysis.q12_pareto_summary.
-- Reads mart.customer_summary.
-- A window's decimal result is cast to the type SQL Server gives it anyway:
-- Babelfish would return it with 8 decimals.
--changeset ecom:analysis.q12_pareto_customers runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW analysis.q12_pareto_customers
AS
WITH ranked AS (
    SELECT c.customer_id,
           c.country_id,
           c.revenue,
           ROW_NUMBER() OVER (ORDER BY c.revenue DESC, c.customer_id) AS revenue_rank,
           CAST(SUM(c.revenue) OVER (ORDER BY c.revenue DESC, c.customer_id
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS decimal(38, 3))
               AS cumulative_revenue,
           SUM(c.revenue) OVER () AS total_revenue
    FROM mart.customer_summary AS c
)
SELECT r.customer_id,
       r.country_id,
       r.revenue,
       r.revenue_rank,
       r.cumulative_revenue,
       CAST(r.cumulative_revenue / r.total_revenue AS decimal(9, 6)) AS cumulative_share,
       CAST(CASE WHEN r.cumulative_revenue - r.revenue < 0.8 * r.total_revenue THEN 1 ELSE 0 END AS bit) AS in_top_80
FROM ranked AS r;
GO
