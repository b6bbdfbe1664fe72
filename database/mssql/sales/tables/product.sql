--liquibase formatted sql

-- One row per stock code. A stock code is sold under several descriptions in
-- the source; the product keeps the most recent one seen in clean lines.
-- Stock codes compare byte for byte, as in staging.retail_line.
--changeset ecom:sales.product
CREATE TABLE sales.product (
    stock_code  varchar(20)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    description nvarchar(200) NULL,
    CONSTRAINT pk_product PRIMARY KEY CLUSTERED (stock_code)
);
--rollback DROP TABLE sales.product;
