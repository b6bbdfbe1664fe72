--liquibase formatted sql

-- Q05. Business question: where do our sales come from?
-- One row per country with sales on invoices dated in [p_from, p_to)
-- (half-open): revenue, orders, customers, average_order_value, revenue_share
-- (0..1 of the range's revenue) and revenue_rank (1 = largest). The country is
-- the invoice's. Lifetime: pass the whole span, or read mart.country_summary.
-- Reads mart.invoice_summary and mart.country_summary (for the names).
-- SECURITY DEFINER: see analysis.q01_total_sales. Such a function is not
-- inlined, so it runs a plan made for any dates, where COUNT(DISTINCT
-- customer_id) per country sorted every invoice of the range (half the time
-- of the call); customers are counted here by grouping per customer first,
-- which hashes instead. SQL Server inlines its table-valued function and
-- keeps the plain COUNT(DISTINCT).
--changeset ecom:analysis.q05_revenue_by_country runOnChange:true splitStatements:false
CREATE OR REPLACE FUNCTION analysis.q05_revenue_by_country(p_from date, p_to date)
RETURNS TABLE (date_from date, date_to date, country_id integer, country_name varchar(60),
               revenue numeric(18,3), orders integer, customers integer,
               average_order_value numeric(18,2), revenue_share numeric(9,6), revenue_rank bigint)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
WITH per_customer AS (
    SELECT s.country_id, s.customer_id, SUM(s.revenue) AS revenue, COUNT(*) AS orders
    FROM mart.invoice_summary AS s
    WHERE s.invoice_date >= p_from
      AND s.invoice_date < p_to
    GROUP BY s.country_id, s.customer_id
), c AS (
    SELECT country_id, SUM(revenue) AS revenue, SUM(orders) AS orders, COUNT(*) AS customers
    FROM per_customer
    GROUP BY country_id
)
SELECT p_from,
       p_to,
       c.country_id,
       n.country_name,
       CAST(c.revenue AS numeric(18,3)),
       CAST(c.orders AS integer),
       CAST(c.customers AS integer),
       CAST(c.revenue / c.orders AS numeric(18,2)),
       CAST(c.revenue / SUM(c.revenue) OVER () AS numeric(9,6)),
       RANK() OVER (ORDER BY c.revenue DESC)
FROM c
JOIN mart.country_summary AS n ON n.country_id = c.country_id;
$$;
