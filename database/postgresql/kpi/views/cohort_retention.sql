--liquibase formatted sql

-- Business question: of the customers who first bought in a given month, how
-- many come back in later months? One row per cohort (cohort_month = the
-- month of the first purchase) and month with sales from then on
-- (months_since = 0 is the cohort's own month), from mart.customer_month and
-- mart.monthly_summary.
--   cohort_size: customers in the cohort; active_customers: how many of them
--     bought in that month (0 is a row, not a gap);
--   retention_pct = 100 * active_customers / cohort_size, two decimals; 100
--     at months_since = 0.
-- Read it as a triangle: cohorts down, months_since across. The last month of
-- the data can be partial (kpi.monthly_revenue.is_partial; 1-9 December 2011
-- in the real data), so its column reads low for every cohort.
--changeset ecom:kpi.cohort_retention runOnChange:true
CREATE OR REPLACE VIEW kpi.cohort_retention AS
WITH first_month AS (
    SELECT customer_id, MIN(month_start) AS cohort_month
    FROM mart.customer_month
    GROUP BY customer_id
), activity AS (
    SELECT f.cohort_month, m.month_start, COUNT(*) AS active_customers
    FROM mart.customer_month AS m
    JOIN first_month AS f ON f.customer_id = m.customer_id
    GROUP BY f.cohort_month, m.month_start
), cohort AS (
    SELECT cohort_month, COUNT(*) AS cohort_size
    FROM first_month
    GROUP BY cohort_month
)
SELECT c.cohort_month,
       CAST((EXTRACT(YEAR FROM m.month_start) - EXTRACT(YEAR FROM c.cohort_month)) * 12
            + EXTRACT(MONTH FROM m.month_start) - EXTRACT(MONTH FROM c.cohort_month) AS integer) AS months_since,
       CAST(COALESCE(a.active_customers, 0) AS integer) AS active_customers,
       CAST(c.cohort_size AS integer) AS cohort_size,
       CAST(100.0 * COALESCE(a.active_customers, 0) / c.cohort_size AS numeric(5,2)) AS retention_pct
FROM cohort AS c
JOIN mart.monthly_summary AS m ON m.month_start >= c.cohort_month
LEFT JOIN activity AS a ON a.cohort_month = c.cohort_month AND a.month_start = m.month_start;
