--liquibase formatted sql

-- One row per customer with at least one clean sales line: lifetime figures
-- for CLV, RFM and Pareto. Cancellations are counted apart, from
-- sales.cancellation_line: cancelled_revenue is negative, as the quantities
-- of cancellation lines are. Rebuilt by mart.refresh_customer_summary
-- (run by mart.refresh_summaries).
--changeset ecom:mart.customer_summary
--validCheckSum: 9:3ff4bbef75b37f94f8a1e886fb64c3fd
CREATE TABLE mart.customer_summary (
    customer_id         integer       NOT NULL PRIMARY KEY,
    country_id          integer       NOT NULL,
    first_purchase_at   timestamp     NOT NULL,
    last_purchase_at    timestamp     NOT NULL,
    orders              integer       NOT NULL,
    revenue             numeric(18,3) NOT NULL,
    quantity            bigint        NOT NULL,
    distinct_products   integer       NOT NULL,
    active_days         integer       NOT NULL,
    cancelled_orders    integer       NOT NULL,
    cancelled_revenue   numeric(18,3) NOT NULL
);
--rollback DROP TABLE mart.customer_summary;

--changeset ecom:mart.customer_summary.net
--validCheckSum: 9:6240c3fca5d476b8ee6ca0517c603e3f
-- Net of the returns matched to their sales (sales.match_returns) beside the
-- gross revenue; filled by the next refresh.
ALTER TABLE mart.customer_summary ADD COLUMN net_revenue numeric(18,3) NOT NULL DEFAULT 0;
--rollback ALTER TABLE mart.customer_summary DROP COLUMN net_revenue;
