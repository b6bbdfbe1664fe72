--liquibase formatted sql

-- Q07. Business question: are we growing month over month?
-- One row per month with sales: revenue, orders and active customers, the
-- previous month's (LAG: the previous row; every month of the real data has
-- sales) and the growth in percent (100 * (this - previous) / previous; NULL
-- for the first month). is_partial: the data does not cover the whole month;
-- is_comparable is false when this or the previous month is partial, or when
-- the previous row is not the calendar month before (a month without sales
-- in between), so the
-- -55% of December 2011 (9 days of data) reads as what it is.
-- Reads mart.monthly_summary.
-- A window's decimal result is cast to the type SQL Server gives it anyway:
-- Babelfish would return it with 8 decimals.
--changeset ecom:analysis.q07_monthly_growth runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW analysis.q07_monthly_growth
AS
WITH m AS (
    SELECT s.month_start, s.is_partial, s.revenue, s.orders, s.active_customers,
           LAG(s.month_start) OVER (ORDER BY s.month_start) AS previous_month_start,
           LAG(s.is_partial) OVER (ORDER BY s.month_start) AS previous_is_partial,
           CAST(LAG(s.revenue) OVER (ORDER BY s.month_start) AS decimal(18, 3)) AS previous_revenue,
           LAG(s.orders) OVER (ORDER BY s.month_start) AS previous_orders,
           LAG(s.active_customers) OVER (ORDER BY s.month_start) AS previous_active_customers
    FROM mart.monthly_summary AS s
)
SELECT m.month_start,
       m.is_partial,
       CAST(CASE WHEN m.is_partial = 0 AND m.previous_is_partial = 0
                      AND m.previous_month_start = DATEADD(MONTH, -1, m.month_start)
                 THEN 1 ELSE 0 END AS bit) AS is_comparable,
       m.previous_month_start,
       m.revenue,
       m.previous_revenue,
       CAST(m.revenue - m.previous_revenue AS decimal(19, 3)) AS revenue_change,
       CAST(100 * (m.revenue - m.previous_revenue) / NULLIF(m.previous_revenue, 0) AS decimal(9, 2))
           AS revenue_growth_pct,
       m.orders,
       m.previous_orders,
       CAST(100 * CAST(m.orders - m.previous_orders AS decimal(18, 6)) / NULLIF(m.previous_orders, 0)
            AS decimal(9, 2)) AS orders_growth_pct,
       m.active_customers,
       m.previous_active_customers,
       CAST(100 * CAST(m.active_customers - m.previous_active_customers AS decimal(18, 6))
            / NULLIF(m.previous_active_customers, 0) AS decimal(9, 2)) AS active_customers_growth_pct
FROM m;
GO
