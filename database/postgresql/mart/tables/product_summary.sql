--liquibase formatted sql

-- One row per product sold in clean lines. Rebuilt by
-- mart.refresh_product_summary (run by mart.refresh_summaries).
--changeset ecom:mart.product_summary
--validCheckSum: 9:d5b961a717a6524187f061813761b0ed
CREATE TABLE mart.product_summary (
    stock_code   varchar(20)   NOT NULL PRIMARY KEY,
    description  varchar(200)  NULL,
    revenue      numeric(18,3) NOT NULL,
    quantity     bigint        NOT NULL,
    orders       integer       NOT NULL,
    customers    integer       NOT NULL,
    first_sold_at timestamp    NOT NULL,
    last_sold_at  timestamp    NOT NULL
);
--rollback DROP TABLE mart.product_summary;

--changeset ecom:mart.product_summary.net
--validCheckSum: 9:13dc702e1f03efbab87b5cf9391b8a9b
-- Net of the returns matched to their sales (sales.match_returns) beside the
-- gross revenue and quantity; filled by the next refresh.
ALTER TABLE mart.product_summary ADD COLUMN net_revenue numeric(18,3) NOT NULL DEFAULT 0,
    ADD COLUMN net_quantity bigint NOT NULL DEFAULT 0;
--rollback ALTER TABLE mart.product_summary DROP COLUMN net_revenue, DROP COLUMN net_quantity;
