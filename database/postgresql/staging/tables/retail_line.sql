--liquibase formatted sql

-- Every row of the source file as received, typed but not judged: negative
-- quantities, zero prices, missing customers and duplicates all stay here.
-- No secondary index on purpose: the table is written by bulk COPY and read
-- whole, one batch at a time, by the governance and cleaning procedures.
--changeset ecom:staging.retail_line
CREATE TABLE staging.retail_line (
    batch_id     bigint        NOT NULL REFERENCES staging.load_batch (batch_id),
    line_number  integer       NOT NULL,
    invoice      varchar(20)   NOT NULL,
    stock_code   varchar(20)   NOT NULL,
    description  varchar(200)  NULL,
    quantity     integer       NOT NULL,
    invoice_date timestamp     NOT NULL,
    price        numeric(12,3) NOT NULL,
    customer_id  integer       NULL,
    country      varchar(60)   NOT NULL,
    CONSTRAINT pk_retail_line PRIMARY KEY (batch_id, line_number)
);
--rollback DROP TABLE staging.retail_line;
