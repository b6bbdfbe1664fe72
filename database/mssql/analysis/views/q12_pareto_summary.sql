--liquibase formatted sql

-- Q12 (summary). Business question: how concentrated is revenue? Two rows,
-- subject 'customers' and 'products': total_count of them, top_80_count =
-- how many make 80% of revenue (in_top_80 of analysis.q12_pareto_customers /
-- q12_pareto_products), top_80_count_share = that as a share (0..1) of all
-- of them, top_80_revenue_share = the share of revenue they actually make
-- (just above 0.8). "20% of customers make 80% of revenue" reads as
-- top_80_count_share = 0.2.
--changeset ecom:analysis.q12_pareto_summary runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW analysis.q12_pareto_summary
AS
SELECT CAST('customers' AS varchar(10)) AS subject,
       COUNT(*) AS total_count,
       SUM(CASE WHEN c.in_top_80 = 1 THEN 1 ELSE 0 END) AS top_80_count,
       CAST(CAST(SUM(CASE WHEN c.in_top_80 = 1 THEN 1 ELSE 0 END) AS decimal(18, 6)) / COUNT(*) AS decimal(9, 6))
           AS top_80_count_share,
       CAST(SUM(CASE WHEN c.in_top_80 = 1 THEN c.revenue ELSE 0 END) / SUM(c.revenue) AS decimal(9, 6))
           AS top_80_revenue_share
FROM analysis.q12_pareto_customers AS c
UNION ALL
SELECT CAST('products' AS varchar(10)),
       COUNT(*),
       SUM(CASE WHEN p.in_top_80 = 1 THEN 1 ELSE 0 END),
       CAST(CAST(SUM(CASE WHEN p.in_top_80 = 1 THEN 1 ELSE 0 END) AS decimal(18, 6)) / COUNT(*) AS decimal(9, 6)),
       CAST(SUM(CASE WHEN p.in_top_80 = 1 THEN p.revenue ELSE 0 END) / SUM(p.revenue) AS decimal(9, 6))
FROM analysis.q12_pareto_products AS p;
GO
