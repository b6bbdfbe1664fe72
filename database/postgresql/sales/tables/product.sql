--liquibase formatted sql

-- One row per stock code. A stock code is sold under several descriptions in
-- the source; the product keeps the most recent one seen in clean lines.
--changeset ecom:sales.product
CREATE TABLE sales.product (
    stock_code  varchar(20)  NOT NULL PRIMARY KEY,
    description varchar(200) NULL
);
--rollback DROP TABLE sales.product;
