--liquibase formatted sql

-- One row per customer with at least one clean sales line: lifetime figures
-- for CLV, RFM and Pareto. Cancellations are counted apart, from
-- sales.cancellation_line: cancelled_revenue is negative, as the quantities
-- of cancellation lines are. Rebuilt by mart.refresh_customer_summary
-- (run by mart.refresh_summaries).
--changeset ecom:mart.customer_summary
--validCheckSum: 9:3f58888842b3e918594eb5fc00b92b29
CREATE TABLE mart.customer_summary (
    customer_id       int            NOT NULL,
    country_id        int            NOT NULL,
    first_purchase_at datetime2(0)   NOT NULL,
    last_purchase_at  datetime2(0)   NOT NULL,
    orders            int            NOT NULL,
    revenue           decimal(18, 3) NOT NULL,
    quantity          bigint         NOT NULL,
    distinct_products int            NOT NULL,
    active_days       int            NOT NULL,
    cancelled_orders  int            NOT NULL,
    cancelled_revenue decimal(18, 3) NOT NULL,
    CONSTRAINT pk_customer_summary PRIMARY KEY CLUSTERED (customer_id)
);
--rollback DROP TABLE mart.customer_summary;

--changeset ecom:mart.customer_summary.net
--validCheckSum: 9:04ba2be9e745c431078879cbdc8b4145
-- Net of the returns matched to their sales (sales.match_returns) beside the
-- gross revenue; filled by the next refresh.
ALTER TABLE mart.customer_summary ADD
    net_revenue decimal(18, 3) NOT NULL CONSTRAINT df_customer_summary_net_revenue DEFAULT 0;
--rollback ALTER TABLE mart.customer_summary DROP CONSTRAINT df_customer_summary_net_revenue;
--rollback ALTER TABLE mart.customer_summary DROP COLUMN net_revenue;
