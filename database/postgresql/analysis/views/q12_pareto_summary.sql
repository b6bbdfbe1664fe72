--liquibase formatted sql

-- Q12 (summary). Business question: how concentrated is revenue? Two rows,
-- subject 'customers' and 'products': total_count of them, top_80_count =
-- how many make 80% of revenue (in_top_80 of analysis.q12_pareto_customers /
-- q12_pareto_products), top_80_count_share = that as a share (0..1) of all
-- of them, top_80_revenue_share = the share of revenue they actually make
-- (just above 0.8). "20% of customers make 80% of revenue" reads as
-- top_80_count_share = 0.2.
--changeset ecom:analysis.q12_pareto_summary runOnChange:true
CREATE OR REPLACE VIEW analysis.q12_pareto_summary AS
SELECT CAST('customers' AS varchar(10)) AS subject,
       CAST(COUNT(*) AS integer) AS total_count,
       CAST(SUM(CASE WHEN c.in_top_80 THEN 1 ELSE 0 END) AS integer) AS top_80_count,
       CAST(CAST(SUM(CASE WHEN c.in_top_80 THEN 1 ELSE 0 END) AS numeric(18,6)) / COUNT(*) AS numeric(9,6))
           AS top_80_count_share,
       CAST(SUM(CASE WHEN c.in_top_80 THEN c.revenue ELSE 0 END) / SUM(c.revenue) AS numeric(9,6))
           AS top_80_revenue_share
FROM analysis.q12_pareto_customers AS c
UNION ALL
SELECT CAST('products' AS varchar(10)),
       CAST(COUNT(*) AS integer),
       CAST(SUM(CASE WHEN p.in_top_80 THEN 1 ELSE 0 END) AS integer),
       CAST(CAST(SUM(CASE WHEN p.in_top_80 THEN 1 ELSE 0 END) AS numeric(18,6)) / COUNT(*) AS numeric(9,6)),
       CAST(SUM(CASE WHEN p.in_top_80 THEN p.revenue ELSE 0 END) / SUM(p.revenue) AS numeric(9,6))
FROM analysis.q12_pareto_products AS p;
