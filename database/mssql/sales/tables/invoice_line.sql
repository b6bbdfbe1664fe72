--liquibase formatted sql

-- Exactly the clean sales lines: a customer, not a duplicate, not a
-- cancellation or adjustment invoice, positive quantity and price.
-- (batch_id, source_line_number) points back to staging.retail_line.
-- line_revenue is cast to decimal(18, 3), the type it has in PostgreSQL
-- (int * decimal(12, 3) alone would be decimal(23, 3)).
-- Stored as a clustered columnstore: reporting scans a few columns of many
-- rows, which column segments with batch-mode execution do several times
-- faster, in a fraction of the space. The primary key stays, nonclustered.
-- line_revenue is therefore not PERSISTED: SQL Server 2017-2019 allow only
-- non-persisted computed columns in a clustered columnstore index.
--changeset ecom:sales.invoice_line
--validCheckSum: 9:4237756055dd22938573f0ed5d6f7fa9
CREATE TABLE sales.invoice_line (
    invoice_line_id    bigint IDENTITY(1, 1) NOT NULL,
    invoice_no         varchar(20)    COLLATE Latin1_General_100_BIN2 NOT NULL,
    stock_code         varchar(20)    COLLATE Latin1_General_100_BIN2 NOT NULL,
    quantity           int            NOT NULL,
    unit_price         decimal(12, 3) NOT NULL,
    line_revenue       AS CAST(quantity * unit_price AS decimal(18, 3)),
    batch_id           bigint         NOT NULL,
    source_line_number int            NOT NULL,
    CONSTRAINT pk_invoice_line PRIMARY KEY NONCLUSTERED (invoice_line_id),
    CONSTRAINT fk_invoice_line_invoice FOREIGN KEY (invoice_no)
        REFERENCES sales.invoice (invoice_no),
    CONSTRAINT fk_invoice_line_product FOREIGN KEY (stock_code)
        REFERENCES sales.product (stock_code),
    CONSTRAINT ck_invoice_line_quantity CHECK (quantity > 0),
    CONSTRAINT ck_invoice_line_unit_price CHECK (unit_price > 0),
    CONSTRAINT uq_invoice_line_source UNIQUE (batch_id, source_line_number)
);
CREATE CLUSTERED COLUMNSTORE INDEX cci_invoice_line ON sales.invoice_line;
CREATE INDEX ix_invoice_line_invoice ON sales.invoice_line (invoice_no);
--rollback DROP TABLE sales.invoice_line;

--changeset ecom:sales.invoice_line.returns
--validCheckSum: 9:ab287f48e379277444e9fb94548b2a49
-- Returns matched to their sales (sales.match_returns): returned_quantity is
-- what matched cancellation lines took back from this line, net_quantity and
-- net_revenue what is left, at this line's price; line_revenue stays gross.
-- returns_batch_id is the batch whose cleaning last changed returned_quantity:
-- a late cancellation changes the net of an earlier line, and a refresh by
-- touched keys finds those lines (and their invoice, customer, product and
-- month) by it.
-- One column per ALTER TABLE: Babelfish parses no list of columns there.
ALTER TABLE sales.invoice_line ADD returned_quantity int NOT NULL CONSTRAINT df_invoice_line_returned DEFAULT 0;
ALTER TABLE sales.invoice_line ADD returns_batch_id bigint NULL;
ALTER TABLE sales.invoice_line ADD net_quantity AS quantity - returned_quantity;
ALTER TABLE sales.invoice_line ADD net_revenue AS CAST((quantity - returned_quantity) * unit_price AS decimal(18, 3));
ALTER TABLE sales.invoice_line ADD
    CONSTRAINT ck_invoice_line_returned CHECK (returned_quantity BETWEEN 0 AND quantity);
CREATE INDEX ix_invoice_line_returns_batch ON sales.invoice_line (returns_batch_id);
--rollback DROP INDEX ix_invoice_line_returns_batch ON sales.invoice_line;
--rollback ALTER TABLE sales.invoice_line DROP CONSTRAINT ck_invoice_line_returned, df_invoice_line_returned;
--rollback ALTER TABLE sales.invoice_line DROP COLUMN net_revenue, net_quantity, returns_batch_id, returned_quantity;
