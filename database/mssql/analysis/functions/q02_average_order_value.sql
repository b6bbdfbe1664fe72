--liquibase formatted sql

-- Q02. Business question: how much is a typical order worth?
-- One row for the invoices dated in [@from, @to) (half-open): orders,
-- revenue, average_order_value = revenue / orders and median_order_value (the
-- middle order by value, or the mean of the two middle ones), both rounded to
-- 2 decimals. A mean well above the median says a few large (wholesale)
-- orders pull it up. No order in the range: orders 0, the values NULL.
-- The median is exact (row numbers, no float), so both engines agree.
--
--changeset ecom:analysis.q02_average_order_value runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER FUNCTION analysis.q02_average_order_value (@from date, @to date)
RETURNS TABLE
AS
RETURN
WITH o AS (
    SELECT s.revenue,
           ROW_NUMBER() OVER (ORDER BY s.revenue) AS rn,
           COUNT(*) OVER () AS n
    FROM mart.invoice_summary AS s
    WHERE s.invoice_date >= @from
      AND s.invoice_date < @to
)
SELECT @from AS date_from,
       @to AS date_to,
       COUNT(*) AS orders,
       CAST(COALESCE(SUM(o.revenue), 0) AS decimal(18, 3)) AS revenue,
       CAST(AVG(o.revenue) AS decimal(18, 2)) AS average_order_value,
       CAST(AVG(CASE WHEN o.rn IN ((o.n + 1) / 2, (o.n + 2) / 2) THEN o.revenue END) AS decimal(18, 2))
           AS median_order_value
FROM o;
GO
