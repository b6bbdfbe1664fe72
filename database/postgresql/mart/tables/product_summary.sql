--liquibase formatted sql

-- One row per product sold in clean lines. Rebuilt by
-- mart.refresh_product_summary (run by mart.refresh_summaries).
--changeset ecom:mart.product_summary
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
