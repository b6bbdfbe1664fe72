--liquibase formatted sql

-- The lines of cancellation invoices ('C...') that have a customer, exact
-- duplicates left out. Quantities are negative as in the source.
--changeset ecom:sales.cancellation_line
--validCheckSum: 9:c06f6c6b8006e977dc7355cda6d3c7f7
CREATE TABLE sales.cancellation_line (
    cancellation_line_id bigint IDENTITY(1, 1) NOT NULL,
    invoice_no           varchar(20)    COLLATE Latin1_General_100_BIN2 NOT NULL,
    stock_code           varchar(20)    COLLATE Latin1_General_100_BIN2 NOT NULL,
    quantity             int            NOT NULL,
    unit_price           decimal(12, 3) NOT NULL,
    line_revenue         AS CAST(quantity * unit_price AS decimal(18, 3)) PERSISTED,
    batch_id             bigint         NOT NULL,
    source_line_number   int            NOT NULL,
    CONSTRAINT pk_cancellation_line PRIMARY KEY CLUSTERED (cancellation_line_id),
    CONSTRAINT fk_cancellation_line_invoice FOREIGN KEY (invoice_no)
        REFERENCES sales.invoice (invoice_no),
    CONSTRAINT fk_cancellation_line_product FOREIGN KEY (stock_code)
        REFERENCES sales.product (stock_code),
    CONSTRAINT uq_cancellation_line_source UNIQUE (batch_id, source_line_number)
);
CREATE INDEX ix_cancellation_line_invoice ON sales.cancellation_line (invoice_no);
--rollback DROP TABLE sales.cancellation_line;

--changeset ecom:sales.cancellation_line.returns
--validCheckSum: 9:b19676de37fff4db1c646260289bfe17
-- The sale line this cancellation line reverses and how many of its units it
-- took back (sales.match_returns); the rest, unmatched_quantity, reverses no
-- sale in the data (bought before it starts, or more returned than bought)
-- and is counted in quality.batch_governance.
-- One column per ALTER TABLE: Babelfish parses no list of columns there.
ALTER TABLE sales.cancellation_line ADD matched_invoice_line_id bigint NULL;
ALTER TABLE sales.cancellation_line ADD matched_quantity int NOT NULL CONSTRAINT df_cancellation_line_matched DEFAULT 0;
ALTER TABLE sales.cancellation_line ADD unmatched_quantity AS -quantity - matched_quantity;
--rollback ALTER TABLE sales.cancellation_line DROP CONSTRAINT df_cancellation_line_matched;
--rollback ALTER TABLE sales.cancellation_line DROP COLUMN unmatched_quantity, matched_quantity, matched_invoice_line_id;
