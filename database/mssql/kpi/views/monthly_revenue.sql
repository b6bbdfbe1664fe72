--liquibase formatted sql

-- Business question: how is revenue moving month to month and against the
-- same month a year before? One row per calendar month with sales, from
-- mart.monthly_summary (never from the sales lines: Power BI DirectQuery runs
-- this once per visual).
--   revenue, orders, active_customers: the month's clean sales, invoices and
--     distinct customers; avg_order_value = revenue / orders.
--   mom_growth_pct: % change against the calendar month just before; NULL
--     when that month has no sales row (nothing to compare with).
--   yoy_growth_pct: % change against the same month twelve months before,
--     found by date (month_start - 12 months), not by counting rows back, so a
--     missing month never shifts the comparison; NULL when there is none.
--   is_partial: the data does not cover the whole month (the real data ends
--     on 9 December 2011). Decision: a partial month gets NULL growth, both
--     mom and yoy, and so does a whole month compared with a partial one:
--     nine days against a whole month would read as a collapse (or a month
--     against nine days as a boom). Its revenue is shown as it is.
-- Percentages are in percent (12.5 = +12.5 %), rounded to two decimals.
-- revenue (and the growth figures) are gross, every clean line; net_revenue
-- is net of the returns matched to those lines (sales.match_returns),
-- counted in the month of the sale.
--changeset ecom:kpi.monthly_revenue runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW kpi.monthly_revenue
AS
WITH m AS (
    SELECT month_start, revenue, net_revenue, orders, active_customers, is_partial,
           LAG(month_start) OVER (ORDER BY month_start) AS previous_month_start,
           LAG(revenue) OVER (ORDER BY month_start)     AS previous_revenue,
           LAG(is_partial) OVER (ORDER BY month_start)  AS previous_is_partial
    FROM mart.monthly_summary
)
SELECT m.month_start,
       m.revenue,
       m.orders,
       m.active_customers,
       CAST(m.revenue / m.orders AS decimal(18, 2)) AS avg_order_value,
       CASE WHEN m.previous_month_start = DATEADD(MONTH, -1, m.month_start)
                 AND m.is_partial = 0 AND m.previous_is_partial = 0
            THEN CAST(100 * (m.revenue - m.previous_revenue) / m.previous_revenue AS decimal(12, 2))
       END AS mom_growth_pct,
       CASE WHEN m.is_partial = 0 AND y.is_partial = 0
            THEN CAST(100 * (m.revenue - y.revenue) / y.revenue AS decimal(12, 2))
       END AS yoy_growth_pct,
       m.is_partial,
       m.net_revenue
FROM m
LEFT JOIN mart.monthly_summary AS y ON y.month_start = DATEADD(MONTH, -12, m.month_start);
GO
