--liquibase formatted sql

-- Clean sales per customer, invoice country and month: the grain of the
-- Power BI sales fact (kpi.customer_month_sales), kept here so a DirectQuery
-- visual aggregates these rows (about 13k for the real data, 266k at 10x)
-- and not every invoice. Rebuilt by mart.refresh_customer_country_month
-- (run by mart.refresh_summaries). Keyed by month first: the visuals group
-- by month and count distinct customers in it.
--changeset ecom:mart.customer_country_month
--validCheckSum: 9:1103ddfdecd7c1aa0716ac8a7e907ecc
CREATE TABLE mart.customer_country_month (
    customer_id int            NOT NULL,
    month_start date           NOT NULL,
    country_id  int            NOT NULL,
    orders      int            NOT NULL,
    revenue     decimal(18, 3) NOT NULL,
    quantity    bigint         NOT NULL,
    CONSTRAINT pk_customer_country_month PRIMARY KEY CLUSTERED (month_start, customer_id, country_id)
);
-- Filled at once on a database that already holds sales, so the report does
-- not wait for the next load.
INSERT INTO mart.customer_country_month (customer_id, month_start, country_id, orders, revenue, quantity)
SELECT customer_id, month_start, country_id, COUNT(*), SUM(revenue), SUM(quantity)
FROM mart.invoice_summary
GROUP BY customer_id, month_start, country_id;
--rollback DROP TABLE mart.customer_country_month;

--changeset ecom:mart.customer_country_month.net
--validCheckSum: 9:4115b0e4815a306558fd221dc20d60fc
-- Net of the returns matched to their sales (sales.match_returns) beside the
-- gross revenue; filled by the next refresh.
ALTER TABLE mart.customer_country_month ADD
    net_revenue decimal(18, 3) NOT NULL CONSTRAINT df_customer_country_month_net_revenue DEFAULT 0;
--rollback ALTER TABLE mart.customer_country_month DROP CONSTRAINT df_customer_country_month_net_revenue;
--rollback ALTER TABLE mart.customer_country_month DROP COLUMN net_revenue;
