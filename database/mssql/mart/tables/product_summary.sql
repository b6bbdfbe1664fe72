--liquibase formatted sql

-- One row per product sold in clean lines. Rebuilt by
-- mart.refresh_product_summary (run by mart.refresh_summaries).
--changeset ecom:mart.product_summary
CREATE TABLE mart.product_summary (
    stock_code    varchar(20)    COLLATE Latin1_General_100_BIN2 NOT NULL,
    description   nvarchar(200)  NULL,
    revenue       decimal(18, 3) NOT NULL,
    quantity      bigint         NOT NULL,
    orders        int            NOT NULL,
    customers     int            NOT NULL,
    first_sold_at datetime2(0)   NOT NULL,
    last_sold_at  datetime2(0)   NOT NULL,
    CONSTRAINT pk_product_summary PRIMARY KEY CLUSTERED (stock_code)
);
--rollback DROP TABLE mart.product_summary;
