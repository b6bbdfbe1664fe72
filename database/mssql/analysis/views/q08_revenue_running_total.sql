--liquibase formatted sql

-- Q08. Business question: how does revenue accumulate, and what is the trend
-- once month-to-month noise is smoothed? One row per month with sales:
-- running_revenue (all months so far), year_to_date_revenue (restarts each
-- January), moving_avg_3m (mean of this month and the two before: a frame of
-- ROWS, i.e. months with sales; months_in_average says how many it holds, 1
-- and 2 at the start). A partial last month (is_partial) pulls the average down.
-- Reads mart.monthly_summary.
-- A window's decimal result is cast to the type SQL Server gives it anyway:
-- Babelfish would return it with 8 decimals.
--changeset ecom:analysis.q08_revenue_running_total runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW analysis.q08_revenue_running_total
AS
SELECT m.month_start,
       m.is_partial,
       m.revenue,
       CAST(SUM(m.revenue) OVER (ORDER BY m.month_start ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
            AS decimal(38, 3)) AS running_revenue,
       CAST(SUM(m.revenue) OVER (PARTITION BY YEAR(m.month_start) ORDER BY m.month_start
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS decimal(38, 3))
           AS year_to_date_revenue,
       CAST(AVG(m.revenue) OVER (ORDER BY m.month_start ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
            AS decimal(18, 3)) AS moving_avg_3m,
       COUNT(*) OVER (ORDER BY m.month_start ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS months_in_average
FROM mart.monthly_summary AS m;
GO
