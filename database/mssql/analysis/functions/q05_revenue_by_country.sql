--liquibase formatted sql

-- Q05. Business question: where do our sales come from?
-- One row per country with sales on invoices dated in [@from, @to)
-- (half-open): revenue, orders, customers, average_order_value, revenue_share
-- (0..1 of the range's revenue) and revenue_rank (1 = largest). The country is
-- the invoice's. Lifetime: pass the whole span, or read mart.country_summary.
-- Reads mart.invoice_summary and mart.country_summary (for the names).
--
--changeset ecom:analysis.q05_revenue_by_country runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER FUNCTION analysis.q05_revenue_by_country (@from date, @to date)
RETURNS TABLE
AS
RETURN
WITH c AS (
    SELECT s.country_id,
           SUM(s.revenue) AS revenue,
           COUNT(*) AS orders,
           COUNT(DISTINCT s.customer_id) AS customers
    FROM mart.invoice_summary AS s
    WHERE s.invoice_date >= @from
      AND s.invoice_date < @to
    GROUP BY s.country_id
)
SELECT @from AS date_from,
       @to AS date_to,
       c.country_id,
       n.country_name,
       CAST(c.revenue AS decimal(18, 3)) AS revenue,
       c.orders,
       c.customers,
       CAST(c.revenue / c.orders AS decimal(18, 2)) AS average_order_value,
       CAST(c.revenue / SUM(c.revenue) OVER () AS decimal(9, 6)) AS revenue_share,
       RANK() OVER (ORDER BY c.revenue DESC) AS revenue_rank
FROM c
INNER JOIN mart.country_summary AS n ON n.country_id = c.country_id;
GO
