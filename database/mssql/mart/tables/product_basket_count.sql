--liquibase formatted sql

-- How many market-basket invoices (sales invoices of at most 100 distinct
-- products, see mart.refresh_product_pair) hold each product: the counts the
-- product pairs' thresholds and ratios are made of, kept so that a day's file
-- adds its own invoices to them instead of recounting all. Maintained by
-- mart.refresh_product_pair.
--changeset ecom:mart.product_basket_count
CREATE TABLE mart.product_basket_count (
    stock_code varchar(20) COLLATE Latin1_General_100_BIN2 NOT NULL,
    invoices   int         NOT NULL,
    CONSTRAINT pk_product_basket_count PRIMARY KEY CLUSTERED (stock_code)
);
--rollback DROP TABLE mart.product_basket_count;
