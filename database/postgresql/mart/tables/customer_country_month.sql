--liquibase formatted sql

-- Clean sales per customer, invoice country and month: the grain of the
-- Power BI sales fact (kpi.customer_month_sales), kept here so a DirectQuery
-- visual aggregates these rows (about 13k for the real data, 266k at 10x)
-- and not every invoice. Rebuilt by mart.refresh_customer_country_month
-- (run by mart.refresh_summaries). Keyed by month first: the visuals group
-- by month and count distinct customers in it.
--changeset ecom:mart.customer_country_month
--validCheckSum: 9:e9b8c2d4f844dc7601d6573f86d1618c
CREATE TABLE mart.customer_country_month (
    customer_id integer       NOT NULL,
    month_start date          NOT NULL,
    country_id  integer       NOT NULL,
    orders      integer       NOT NULL,
    revenue     numeric(18,3) NOT NULL,
    quantity    bigint        NOT NULL,
    CONSTRAINT pk_customer_country_month PRIMARY KEY (month_start, customer_id, country_id)
);
-- Filled at once on a database that already holds sales, so the report does
-- not wait for the next load.
INSERT INTO mart.customer_country_month (customer_id, month_start, country_id, orders, revenue, quantity)
SELECT customer_id, month_start, country_id, COUNT(*), SUM(revenue), SUM(quantity)
FROM mart.invoice_summary
GROUP BY customer_id, month_start, country_id;
--rollback DROP TABLE mart.customer_country_month;

--changeset ecom:mart.customer_country_month.net
--validCheckSum: 9:a6361c483e031b7cc0a2311079b21f25
-- Net of the returns matched to their sales (sales.match_returns) beside the
-- gross revenue; filled by the next refresh.
ALTER TABLE mart.customer_country_month ADD COLUMN net_revenue numeric(18,3) NOT NULL DEFAULT 0;
--rollback ALTER TABLE mart.customer_country_month DROP COLUMN net_revenue;
