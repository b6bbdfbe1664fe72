--liquibase formatted sql

-- Business question: where does revenue come from, and how concentrated is
-- it? One row per country with clean sales (the country on the invoice),
-- from mart.country_summary.
--   revenue_share: the country's share of all revenue, as a fraction
--     (0.8 = 80 %), six decimals.
--   revenue_rank: 1 = the highest revenue; ties are ranked by country name
--     so every rank is distinct.
--   cumulative_share: the share of the countries ranked up to and including
--     this one (a Pareto curve); the last rank reads 1.
--   orders, customers: invoices and distinct customers in the country; a
--     customer who bought from two countries counts in both.
--   revenue and its shares and ranks are gross, every clean line;
--     net_revenue is net of the returns matched to those lines.
--changeset ecom:kpi.country_revenue runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW kpi.country_revenue
AS
SELECT s.country_name,
       s.revenue,
       CAST(s.revenue / SUM(s.revenue) OVER () AS decimal(9, 6)) AS revenue_share,
       CAST(ROW_NUMBER() OVER (ORDER BY s.revenue DESC, s.country_name) AS int) AS revenue_rank,
       CAST(SUM(s.revenue) OVER (ORDER BY s.revenue DESC, s.country_name ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
            / SUM(s.revenue) OVER () AS decimal(9, 6)) AS cumulative_share,
       s.orders,
       s.customers,
       s.net_revenue
FROM mart.country_summary AS s;
GO
