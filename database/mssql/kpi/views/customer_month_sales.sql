--liquibase formatted sql

-- Business question: how much did each customer buy, in which country, in
-- which month? The fact the Power BI model slices by date, country, customer
-- and segment: one row per customer, country (that of the invoice) and month
-- with clean sales, from mart.customer_country_month. A customer who bought from two
-- countries in a month has two rows. Summed over customers it gives
-- kpi.monthly_revenue's revenue and orders; active customers are a distinct
-- count of customer_id, not a sum. Small enough for DirectQuery (about 13k
-- rows for the real data) where the sales lines (400k) are not.
--changeset ecom:kpi.customer_month_sales runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW kpi.customer_month_sales
AS
SELECT s.month_start,
       s.customer_id,
       c.country_name,
       s.orders,
       s.revenue,
       s.quantity
FROM mart.customer_country_month AS s
INNER JOIN sales.country AS c ON c.country_id = s.country_id;
GO
