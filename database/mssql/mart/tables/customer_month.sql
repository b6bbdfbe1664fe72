--liquibase formatted sql

-- Revenue and orders per customer and calendar month: the grain of cohorts,
-- retention and active customers. Rebuilt by mart.refresh_customer_month
-- (run by mart.refresh_summaries).
--changeset ecom:mart.customer_month
--validCheckSum: 9:6a729fa8e7a57e75441d01768aaf5196
CREATE TABLE mart.customer_month (
    customer_id int            NOT NULL,
    month_start date           NOT NULL,
    revenue     decimal(18, 3) NOT NULL,
    orders      int            NOT NULL,
    CONSTRAINT pk_customer_month PRIMARY KEY CLUSTERED (customer_id, month_start)
);
CREATE INDEX ix_customer_month_month ON mart.customer_month (month_start);
--rollback DROP TABLE mart.customer_month;

--changeset ecom:mart.customer_month.net
--validCheckSum: 9:bb8f49ab2b2cb7f72a329bcf026b037c
-- Net of the returns matched to their sales (sales.match_returns) beside the
-- gross revenue; filled by the next refresh.
ALTER TABLE mart.customer_month ADD
    net_revenue decimal(18, 3) NOT NULL CONSTRAINT df_customer_month_net_revenue DEFAULT 0;
--rollback ALTER TABLE mart.customer_month DROP CONSTRAINT df_customer_month_net_revenue;
--rollback ALTER TABLE mart.customer_month DROP COLUMN net_revenue;
