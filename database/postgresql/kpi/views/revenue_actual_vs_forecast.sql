--liquibase formatted sql

-- Business question: where is revenue heading? One monthly series for the
-- report's trend line: actual_revenue for every month with sales (is_partial
-- marks the last, incomplete month, see kpi.monthly_revenue), and the current
-- forecast with its 95 % band for the months the sidecar forecast. A month
-- can have both: the forecast of the whole month beside its partial actual.
--changeset ecom:kpi.revenue_actual_vs_forecast runOnChange:true
CREATE OR REPLACE VIEW kpi.revenue_actual_vs_forecast AS
SELECT COALESCE(a.month_start, f.month_start) AS month_start,
       a.revenue AS actual_revenue,
       a.is_partial,
       f.forecast, f.lo95, f.hi95
FROM mart.monthly_summary AS a
FULL OUTER JOIN ml.current_revenue_forecast AS f ON f.month_start = a.month_start;
