--liquibase formatted sql

-- Q04. Business question: which products bring the most revenue, and which
-- sell the most units? One row per product, LIFETIME figures (mart.product_summary
-- has no date; a date range would need line-level data, which this layer does
-- not read). revenue_rank 1 = highest revenue, quantity_rank 1 = most units;
-- ties share a rank (RANK). Top 10 by revenue: WHERE revenue_rank <= 10.
-- Non-merchandise codes (POST postage, M manual, ...) are kept: they are
-- revenue on the invoices; filter them if you want goods only.
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
       RANK() OVER (ORDER BY p.quantity DESC) AS quantity_rank
FROM mart.product_summary AS p;
GO
