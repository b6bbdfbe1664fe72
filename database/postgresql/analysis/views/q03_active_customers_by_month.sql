--liquibase formatted sql

-- Q03. Business question: how many customers buy each month, and how many of
-- them are new? One row per calendar month with sales: active_customers (at
-- least one order that month) = new_customers (first order ever) +
-- returning_customers. is_partial: the data does not cover the whole month
-- (the real data ends on 9 December 2011), so do not compare it with a full one.
-- Reads mart.monthly_summary.
--changeset ecom:analysis.q03_active_customers_by_month runOnChange:true
CREATE OR REPLACE VIEW analysis.q03_active_customers_by_month AS
SELECT m.month_start,
       m.active_customers,
       m.new_customers,
       m.active_customers - m.new_customers AS returning_customers,
       m.orders,
       m.revenue,
       m.is_partial
FROM mart.monthly_summary AS m;
