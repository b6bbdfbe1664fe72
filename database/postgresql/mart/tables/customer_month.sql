--liquibase formatted sql

-- Revenue and orders per customer and calendar month: the grain of cohorts,
-- retention and active customers. Rebuilt by mart.refresh_customer_month
-- (run by mart.refresh_summaries).
--changeset ecom:mart.customer_month
--validCheckSum: 9:bf07b505fd858b2791a0d4f5e8f7aaed
CREATE TABLE mart.customer_month (
    customer_id integer       NOT NULL,
    month_start date          NOT NULL,
    revenue     numeric(18,3) NOT NULL,
    orders      integer       NOT NULL,
    CONSTRAINT pk_customer_month PRIMARY KEY (customer_id, month_start)
);
CREATE INDEX ix_customer_month_month ON mart.customer_month (month_start);
--rollback DROP TABLE mart.customer_month;

--changeset ecom:mart.customer_month.net
--validCheckSum: 9:4cea660ca98c41ce818a52dad5f4ee2b
-- Net of the returns matched to their sales (sales.match_returns) beside the
-- gross revenue; filled by the next refresh.
ALTER TABLE mart.customer_month ADD COLUMN net_revenue numeric(18,3) NOT NULL DEFAULT 0;
--rollback ALTER TABLE mart.customer_month DROP COLUMN net_revenue;
