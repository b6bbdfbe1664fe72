--liquibase formatted sql

-- Q01. Business question: how much did we sell between two dates?
-- One row: revenue, orders (sales invoices), distinct customers and units
-- sold on invoices dated in [@from, @to) (half-open: @to itself is
-- excluded, so a month is [its first day, the next month's first day)). An empty
-- range gives zeros, not no row. Reads mart.invoice_summary.
-- An inline table-valued function: the optimizer expands it into the caller;
-- ownership chaining lets analytics_reader read it with no right on mart.
--changeset ecom:analysis.q01_total_sales runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER FUNCTION analysis.q01_total_sales (@from date, @to date)
RETURNS TABLE
AS
RETURN
SELECT @from AS date_from,
       @to AS date_to,
       CAST(COALESCE(SUM(s.revenue), 0) AS decimal(18, 3)) AS revenue,
       COUNT(*) AS orders,
       COUNT(DISTINCT s.customer_id) AS customers,
       CAST(COALESCE(SUM(s.quantity), 0) AS bigint) AS units
FROM mart.invoice_summary AS s
WHERE s.invoice_date >= @from
  AND s.invoice_date < @to;
GO
