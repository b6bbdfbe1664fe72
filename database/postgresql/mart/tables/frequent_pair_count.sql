--liquibase formatted sql

-- How many market-basket invoices hold each pair of frequent products (both
-- in at least 1% of those invoices, and 2), however few: mart.product_pair
-- keeps the pairs above its own threshold from these, so that a day's file
-- adds its invoices' pairs instead of recounting every basket. Maintained by
-- mart.refresh_product_pair. stock_code_a < stock_code_b.
--changeset ecom:mart.frequent_pair_count
CREATE TABLE mart.frequent_pair_count (
    stock_code_a      varchar(20) NOT NULL,
    stock_code_b      varchar(20) NOT NULL,
    invoices_together integer     NOT NULL,
    CONSTRAINT pk_frequent_pair_count PRIMARY KEY (stock_code_a, stock_code_b)
);
--rollback DROP TABLE mart.frequent_pair_count;
