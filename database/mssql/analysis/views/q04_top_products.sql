--liquibase formatted sql

-- Q04. Business question: which products bring the most revenue, and which
-- sell the most units? One row per product, LIFETIME figures (mart.product_summary
-- has no date; a date range would need line-level data, which this layer does
-- not read). revenue_rank 1 = highest revenue, quantity_rank 1 = most units;
-- ties share a rank (RANK). Top 10 by revenue: WHERE revenue_rank <= 10.
-- revenue and quantity are gross (every clean line); net_revenue and
-- net_quantity are what is left once the returns matched to those lines
-- (sales.match_returns) are taken off. net_revenue_rank is THE ranking: by net
-- revenue, products only (sales.product_class); a non-product (POST postage,
-- M manual, fees, ...) keeps its row and revenue, with net_revenue_rank NULL
-- and its product_category. revenue_rank and quantity_rank rank every code by
-- gross figures, as before.
--changeset ecom:analysis.q04_top_products runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW analysis.q04_top_products
AS
SELECT p.stock_code,
       p.description,
       p.revenue,
       p.quantity,
       p.orders,
       p.customers,
       RANK() OVER (ORDER BY p.revenue DESC) AS revenue_rank,
       RANK() OVER (ORDER BY p.quantity DESC) AS quantity_rank,
       p.net_revenue,
       p.net_quantity,
       k.is_product,
       k.product_category,
       CASE WHEN k.is_product = 1
            THEN RANK() OVER (PARTITION BY k.is_product ORDER BY p.net_revenue DESC) END AS net_revenue_rank
FROM mart.product_summary AS p
INNER JOIN sales.product_class AS k ON k.stock_code = p.stock_code;
GO
