--liquibase formatted sql

-- Q10. Business question: of the customers who first bought in a month, how
-- many come back 1, 2, ... 12 months later? One row per cohort (cohort_month
-- = month of the first order); cohort_size customers; m0..m12 = percentage
-- (0..100, 2 decimals) of the cohort with at least one order k months after
-- its first month (m0 is 100 by definition). months_observed = months of
-- data after the cohort month; a column beyond it is NULL (not observed), not
-- 0. The last month of the real data is partial, which understates its column.
-- A pivot of kpi.cohort_retention (the project's one computation of cohorts)
-- by conditional aggregation, written the same way in both dialects.
--changeset ecom:analysis.q10_cohort_retention runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW analysis.q10_cohort_retention
AS
SELECT r.cohort_month,
       MAX(r.cohort_size) AS cohort_size,
       MAX(r.months_since) AS months_observed,
       MAX(CASE WHEN r.months_since = 0 THEN r.retention_pct END) AS m0,
       MAX(CASE WHEN r.months_since = 1 THEN r.retention_pct END) AS m1,
       MAX(CASE WHEN r.months_since = 2 THEN r.retention_pct END) AS m2,
       MAX(CASE WHEN r.months_since = 3 THEN r.retention_pct END) AS m3,
       MAX(CASE WHEN r.months_since = 4 THEN r.retention_pct END) AS m4,
       MAX(CASE WHEN r.months_since = 5 THEN r.retention_pct END) AS m5,
       MAX(CASE WHEN r.months_since = 6 THEN r.retention_pct END) AS m6,
       MAX(CASE WHEN r.months_since = 7 THEN r.retention_pct END) AS m7,
       MAX(CASE WHEN r.months_since = 8 THEN r.retention_pct END) AS m8,
       MAX(CASE WHEN r.months_since = 9 THEN r.retention_pct END) AS m9,
       MAX(CASE WHEN r.months_since = 10 THEN r.retention_pct END) AS m10,
       MAX(CASE WHEN r.months_since = 11 THEN r.retention_pct END) AS m11,
       MAX(CASE WHEN r.months_since = 12 THEN r.retention_pct END) AS m12
FROM kpi.cohort_retention AS r
GROUP BY r.cohort_month;
GO
