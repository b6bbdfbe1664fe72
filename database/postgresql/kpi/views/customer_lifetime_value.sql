--liquibase formatted sql

-- Business question: what is each customer worth so far, and what might they
-- be worth? One row per customer with clean sales, from mart.customer_summary.
--   country_name: the customer's country (that of their latest invoice).
--   lifespan_days: days from the first to the last purchase (0 for one day).
--   tenure_days: days from the first purchase to the reference date, the day
--     after the last purchase in the data (as in kpi.rfm, not today).
--   purchase_frequency: orders per month of tenure, a month being 30.4375
--     days (365.25 / 12) and tenure counting as at least one month:
--     orders * 30.4375 / max(tenure_days, 30.4375). Measured over tenure,
--     not lifespan: a customer who bought once two years ago buys about once
--     in 24 months, not once a month.
--   revenue: gross, every clean line; net_revenue: net of the returns
--     matched to those lines (sales.match_returns). The value figures below
--     are NET: an order cancelled the same day adds nothing.
--   avg_order_value: net_revenue / orders.
--   historic_clv: what the customer has spent and kept (= net_revenue).
--   predictive_clv, the classic formula:
--       avg_order_value * purchases per year * horizon_years * margin
--     = net_revenue / orders * purchase_frequency * 12 * horizon_years * margin
--     with margin and horizon_years from kpi.clv_assumptions (0.25 and 3
--     years unless changed there). Computed from unrounded figures.
-- How to read it: rank customers by predictive_clv to see where retention
-- effort pays. It extrapolates the pace seen so far, so it is least sure
-- for customers whose first purchase is recent (tenure under a month counts
-- as a month). Read it together with orders and tenure_days.
-- Money is rounded to two decimals, purchase_frequency to four.
--changeset ecom:kpi.customer_lifetime_value runOnChange:true
-- Dropped first: a view's column cannot change type in place (revenue to two decimals).
DROP VIEW IF EXISTS kpi.customer_lifetime_value;
CREATE VIEW kpi.customer_lifetime_value AS
WITH reference AS (
    SELECT CAST(MAX(last_purchase_at) AS date) + 1 AS reference_date FROM mart.customer_summary
), c AS (
    SELECT s.customer_id, s.country_id, s.first_purchase_at, s.last_purchase_at, s.orders, s.revenue, s.net_revenue,
           CAST(s.last_purchase_at AS date) - CAST(s.first_purchase_at AS date) AS lifespan_days,
           r.reference_date - CAST(s.first_purchase_at AS date) AS tenure_days
    FROM mart.customer_summary AS s
    CROSS JOIN reference AS r
)
SELECT c.customer_id,
       n.country_name,
       c.first_purchase_at,
       c.last_purchase_at,
       c.orders,
       CAST(c.revenue AS numeric(18,2)) AS revenue,
       CAST(c.net_revenue / c.orders AS numeric(18,2)) AS avg_order_value,
       CAST(c.orders * 30.4375 / CASE WHEN c.tenure_days > 30.4375 THEN c.tenure_days ELSE 30.4375 END
            AS numeric(12,4)) AS purchase_frequency,
       c.lifespan_days,
       c.tenure_days,
       CAST(c.net_revenue AS numeric(18,2)) AS historic_clv,
       CAST(c.net_revenue * 30.4375 * 12 * a.horizon_years * a.margin
            / CASE WHEN c.tenure_days > 30.4375 THEN c.tenure_days ELSE 30.4375 END
            AS numeric(18,2)) AS predictive_clv,
       CAST(c.net_revenue AS numeric(18,2)) AS net_revenue
FROM c
JOIN sales.country AS n ON n.country_id = c.country_id
CROSS JOIN kpi.clv_assumptions AS a;
