--liquibase formatted sql

-- Q01. Business question: how much did we sell between two dates?
-- One row: revenue, orders (sales invoices), distinct customers and units
-- sold on invoices dated in [p_from, p_to) (half-open: p_to itself is
-- excluded, so a month is [its first day, the next month's first day)). An empty
-- range gives zeros, not no row. Reads mart.invoice_summary.
-- SECURITY DEFINER (as ownership chaining on SQL Server) so that
-- analytics_reader needs no right on mart; it keeps the function from being
-- inlined, which costs nothing here: the date range is its only filter.
--changeset ecom:analysis.q01_total_sales runOnChange:true splitStatements:false
CREATE OR REPLACE FUNCTION analysis.q01_total_sales(p_from date, p_to date)
RETURNS TABLE (date_from date, date_to date, revenue numeric(18,3), orders integer, customers integer,
               units bigint)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
SELECT p_from,
       p_to,
       CAST(COALESCE(SUM(s.revenue), 0) AS numeric(18,3)),
       CAST(COUNT(*) AS integer),
       CAST(COUNT(DISTINCT s.customer_id) AS integer),
       CAST(COALESCE(SUM(s.quantity), 0) AS bigint)
FROM mart.invoice_summary AS s
WHERE s.invoice_date >= p_from
  AND s.invoice_date < p_to;
$$;
