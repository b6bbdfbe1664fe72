--liquibase formatted sql

-- Q12 (products). Business question: which products make 80% of revenue?
-- One row per product, by lifetime revenue: revenue_rank 1 = largest (ties
-- broken by stock_code), cumulative_revenue of ranks 1..this,
-- cumulative_share (0..1 of all revenue) and in_top_80: the product is among
-- the fewest top products whose revenue reaches 80% (the one that crosses the
-- line is in). How many they are: analysis.q12_pareto_summary.
-- Reads mart.product_summary.
-- A window's decimal result is cast to the type SQL Server gives it anyway:
-- Babelfish would return it with 8 decimals.
--changeset ecom:analysis.q12_pareto_products runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW analysis.q12_pareto_products
AS
WITH ranked AS (
    SELECT p.stock_code,
           p.description,
           p.revenue,
           ROW_NUMBER() OVER (ORDER BY p.revenue DESC, p.stock_code) AS revenue_rank,
           CAST(SUM(p.revenue) OVER (ORDER BY p.revenue DESC, p.stock_code
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS decimal(38, 3))
               AS cumulative_revenue,
           SUM(p.revenue) OVER () AS total_revenue
    FROM mart.product_summary AS p
)
SELECT r.stock_code,
       r.description,
       r.revenue,
       r.revenue_rank,
       r.cumulative_revenue,
       CAST(r.cumulative_revenue / r.total_revenue AS decimal(9, 6)) AS cumulative_share,
       CAST(CASE WHEN r.cumulative_revenue - r.revenue < 0.8 * r.total_revenue THEN 1 ELSE 0 END AS bit) AS in_top_80
FROM ranked AS r;
GO
