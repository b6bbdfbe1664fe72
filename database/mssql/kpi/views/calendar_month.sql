--liquibase formatted sql

-- Business question: which months can a report slice by? The date dimension
-- of the Power BI model: one row per calendar month from the first month with
-- sales to twelve months after the last one, so the forecast months of the
-- ML sidecar have a row too. Months without sales are rows (a slicer shows
-- them, a chart shows a gap rather than joining the months around it).
--   month_label: 'YYYY-MM', sorts as text in the same order as month_start.
--   has_sales: mart.monthly_summary has the month; is_partial: the data does
--     not cover the whole month (false for months without sales).
-- The months are counted from three digit tables (0..999 months), which both
-- engines read as a plain join, with no recursion limit in a view.
--changeset ecom:kpi.calendar_month runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW kpi.calendar_month
AS
WITH span AS (
    SELECT MIN(month_start) AS first_month,
           DATEDIFF(MONTH, MIN(month_start), MAX(month_start)) + 12 AS last_offset
    FROM mart.monthly_summary
), month_offset AS (
    SELECT units.n + 10 * tens.n + 100 * hundreds.n AS n
    FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS units (n)
    CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS tens (n)
    CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS hundreds (n)
), months AS (
    SELECT DATEADD(MONTH, o.n, s.first_month) AS month_start
    FROM span AS s
    INNER JOIN month_offset AS o ON o.n <= s.last_offset
)
SELECT m.month_start,
       YEAR(m.month_start) AS calendar_year,
       DATEPART(QUARTER, m.month_start) AS quarter_number,
       MONTH(m.month_start) AS month_number,
       CAST(CONVERT(char(7), m.month_start, 126) AS varchar(7)) AS month_label,
       CAST(CASE WHEN s.month_start IS NULL THEN 0 ELSE 1 END AS bit) AS has_sales,
       CAST(COALESCE(s.is_partial, 0) AS bit) AS is_partial
FROM months AS m
LEFT JOIN mart.monthly_summary AS s ON s.month_start = m.month_start;
GO
