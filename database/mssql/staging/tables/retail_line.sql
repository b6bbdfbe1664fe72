--liquibase formatted sql

-- Every row of the source file as received, typed but not judged: negative
-- quantities, zero prices, missing customers and duplicates all stay here.
-- No secondary index on purpose: the table is written by bulk copy and read
-- whole, one batch at a time (a clustered range seek on batch_id), by the
-- governance and cleaning procedures.
-- The text columns compare byte for byte (BIN2), as in PostgreSQL: '85123a'
-- and '85123A' are two stock codes, and 'Light' does not duplicate 'LIGHT'.
-- A case-insensitive database default would merge them.
--changeset ecom:staging.retail_line
CREATE TABLE staging.retail_line (
    batch_id     bigint         NOT NULL,
    line_number  int            NOT NULL,
    invoice      varchar(20)    COLLATE Latin1_General_100_BIN2 NOT NULL,
    stock_code   varchar(20)    COLLATE Latin1_General_100_BIN2 NOT NULL,
    description  nvarchar(200)  COLLATE Latin1_General_100_BIN2 NULL,
    quantity     int            NOT NULL,
    invoice_date datetime2(0)   NOT NULL,
    price        decimal(12, 3) NOT NULL,
    customer_id  int            NULL,
    country      nvarchar(60)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT pk_retail_line PRIMARY KEY CLUSTERED (batch_id, line_number),
    CONSTRAINT fk_retail_line_load_batch FOREIGN KEY (batch_id)
        REFERENCES staging.load_batch (batch_id)
);
--rollback DROP TABLE staging.retail_line;
