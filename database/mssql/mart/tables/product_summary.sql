--liquibase formatted sql

-- One row per product sold in clean lines. Rebuilt by
-- mart.refresh_product_summary (run by mart.refresh_summaries).
--changeset ecom:mart.product_summary
--validCheckSum: 9:2705d84b669fc20a8be1d67c75e56211
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

--changeset ecom:mart.product_summary.net
--validCheckSum: 9:0485284c3c7c8e125cce2491b394817d
-- Net of the returns matched to their sales (sales.match_returns) beside the
-- gross revenue and quantity; filled by the next refresh.
-- One column per ALTER TABLE: Babelfish parses no list of columns there.
ALTER TABLE mart.product_summary ADD net_revenue decimal(18, 3) NOT NULL CONSTRAINT df_product_summary_net_revenue DEFAULT 0;
ALTER TABLE mart.product_summary ADD net_quantity bigint NOT NULL CONSTRAINT df_product_summary_net_quantity DEFAULT 0;
--rollback ALTER TABLE mart.product_summary DROP CONSTRAINT df_product_summary_net_revenue, df_product_summary_net_quantity;
--rollback ALTER TABLE mart.product_summary DROP COLUMN net_revenue, net_quantity;
