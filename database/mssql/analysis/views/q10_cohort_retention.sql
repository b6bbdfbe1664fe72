--liquibase formatted sql

-- Q10. Business question: of the customers who first bought in a month, how
-- many come back 1, 2, ... 12 months later? One row per cohort (cohort_month
-- = month of the first order); cohort_size customers; m0..m12 = percentage
-- (0..100, 2 decimals) of the cohort with at least one order k months after
-- its first month (m0 is 100 by definition). months_observed = months of
-- data after the cohort month; a column beyond it is NULL (not observed), not
-- 0. The last month of the real data is partial, which understates its column.
-- A pivot by conditional aggregation (COUNT(CASE ...)), written the same way
-- in T-SQL. Reads mart.customer_month.
--changeset ecom:analysis.q10_cohort_retention runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW analysis.q10_cohort_retention
AS
WITH first_month AS (
    SELECT cm.customer_id, MIN(cm.month_start) AS cohort_month
    FROM mart.customer_month AS cm
    GROUP BY cm.customer_id
), activity AS (
    SELECT f.cohort_month,
           DATEDIFF(MONTH, f.cohort_month, cm.month_start) AS months_since
    FROM mart.customer_month AS cm
    INNER JOIN first_month AS f ON f.customer_id = cm.customer_id
), last_month AS (
    SELECT MAX(cm.month_start) AS month_start FROM mart.customer_month AS cm
), cohort AS (
    SELECT a.cohort_month,
           DATEDIFF(MONTH, a.cohort_month, l.month_start) AS months_observed,
           COUNT(CASE WHEN a.months_since = 0 THEN 1 END) AS c0,
           COUNT(CASE WHEN a.months_since = 1 THEN 1 END) AS c1,
           COUNT(CASE WHEN a.months_since = 2 THEN 1 END) AS c2,
           COUNT(CASE WHEN a.months_since = 3 THEN 1 END) AS c3,
           COUNT(CASE WHEN a.months_since = 4 THEN 1 END) AS c4,
           COUNT(CASE WHEN a.months_since = 5 THEN 1 END) AS c5,
           COUNT(CASE WHEN a.months_since = 6 THEN 1 END) AS c6,
           COUNT(CASE WHEN a.months_since = 7 THEN 1 END) AS c7,
           COUNT(CASE WHEN a.months_since = 8 THEN 1 END) AS c8,
           COUNT(CASE WHEN a.months_since = 9 THEN 1 END) AS c9,
           COUNT(CASE WHEN a.months_since = 10 THEN 1 END) AS c10,
           COUNT(CASE WHEN a.months_since = 11 THEN 1 END) AS c11,
           COUNT(CASE WHEN a.months_since = 12 THEN 1 END) AS c12
    FROM activity AS a
    CROSS JOIN last_month AS l
    GROUP BY a.cohort_month, l.month_start
)
SELECT c.cohort_month,
       c.c0 AS cohort_size,
       c.months_observed,
       CASE WHEN c.months_observed >= 0 THEN CAST(100.0 * c.c0 / c.c0 AS decimal(5, 2)) END AS m0,
       CASE WHEN c.months_observed >= 1 THEN CAST(100.0 * c.c1 / c.c0 AS decimal(5, 2)) END AS m1,
       CASE WHEN c.months_observed >= 2 THEN CAST(100.0 * c.c2 / c.c0 AS decimal(5, 2)) END AS m2,
       CASE WHEN c.months_observed >= 3 THEN CAST(100.0 * c.c3 / c.c0 AS decimal(5, 2)) END AS m3,
       CASE WHEN c.months_observed >= 4 THEN CAST(100.0 * c.c4 / c.c0 AS decimal(5, 2)) END AS m4,
       CASE WHEN c.months_observed >= 5 THEN CAST(100.0 * c.c5 / c.c0 AS decimal(5, 2)) END AS m5,
       CASE WHEN c.months_observed >= 6 THEN CAST(100.0 * c.c6 / c.c0 AS decimal(5, 2)) END AS m6,
       CASE WHEN c.months_observed >= 7 THEN CAST(100.0 * c.c7 / c.c0 AS decimal(5, 2)) END AS m7,
       CASE WHEN c.months_observed >= 8 THEN CAST(100.0 * c.c8 / c.c0 AS decimal(5, 2)) END AS m8,
       CASE WHEN c.months_observed >= 9 THEN CAST(100.0 * c.c9 / c.c0 AS decimal(5, 2)) END AS m9,
       CASE WHEN c.months_observed >= 10 THEN CAST(100.0 * c.c10 / c.c0 AS decimal(5, 2)) END AS m10,
       CASE WHEN c.months_observed >= 11 THEN CAST(100.0 * c.c11 / c.c0 AS decimal(5, 2)) END AS m11,
       CASE WHEN c.months_observed >= 12 THEN CAST(100.0 * c.c12 / c.c0 AS decimal(5, 2)) END AS m12
FROM cohort AS c;
GO
