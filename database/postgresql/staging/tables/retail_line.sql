--liquibase formatted sql

-- Every row of the source file as received, typed but not judged: negative
-- quantities, zero prices, missing customers and duplicates all stay here.
-- Built for bulk COPY: no primary key and no foreign key here (SQL Server has
-- both). On PostgreSQL each costs per row during COPY: the real file stages in
-- 1.55 s with them off against 2.2 s with the key alone, and the foreign key is
-- a trigger per row. (batch_id, line_number) is unique by construction: the
-- loader numbers the lines of one file in one transaction. Batches are appended
-- in batch_id order, so a BRIN index finds a batch's rows at almost no cost.
--changeset ecom:staging.retail_line
CREATE TABLE staging.retail_line (
    batch_id     bigint        NOT NULL,
    line_number  integer       NOT NULL,
    invoice      varchar(20)   NOT NULL,
    stock_code   varchar(20)   NOT NULL,
    description  varchar(200)  NULL,
    quantity     integer       NOT NULL,
    invoice_date timestamp     NOT NULL,
    price        numeric(12,3) NOT NULL,
    customer_id  integer       NULL,
    country      varchar(60)   NOT NULL
);
CREATE INDEX ix_retail_line_batch ON staging.retail_line USING brin (batch_id);
--rollback DROP TABLE staging.retail_line;
