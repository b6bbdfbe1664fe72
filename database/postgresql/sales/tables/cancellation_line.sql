--liquibase formatted sql

-- The lines of cancellation invoices ('C...') that have a customer, exact
-- duplicates left out. Quantities are negative as in the source.
-- No foreign keys on this fact table in PostgreSQL, unlike SQL Server: here
-- they are checked by a trigger per row, which took 7.5 of the 12 seconds of
-- cleaning the real file. sales.clean_batch inserts the invoices and
-- products first, and a contract test checks that no line is orphaned.
--changeset ecom:sales.cancellation_line
--validCheckSum: 9:05493fe1d6b0c9315d6dc7c59b6420db
CREATE TABLE sales.cancellation_line (
    cancellation_line_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_no           varchar(20)   NOT NULL,
    stock_code           varchar(20)   NOT NULL,
    quantity             integer       NOT NULL,
    unit_price           numeric(12,3) NOT NULL,
    line_revenue         numeric(18,3) GENERATED ALWAYS AS (quantity * unit_price) STORED,
    batch_id             bigint        NOT NULL,
    source_line_number   integer       NOT NULL,
    CONSTRAINT uq_cancellation_line_source UNIQUE (batch_id, source_line_number)
);
CREATE INDEX ix_cancellation_line_invoice ON sales.cancellation_line (invoice_no);
--rollback DROP TABLE sales.cancellation_line;

--changeset ecom:sales.cancellation_line.returns
--validCheckSum: 9:6711bfec20efa3a517780196b84549d3
-- The sale line this cancellation line reverses and how many of its units it
-- took back (sales.match_returns); the rest, unmatched_quantity, reverses no
-- sale in the data (bought before it starts, or more returned than bought)
-- and is counted in quality.batch_governance.
ALTER TABLE sales.cancellation_line
    ADD COLUMN matched_invoice_line_id bigint NULL,
    ADD COLUMN matched_quantity integer NOT NULL DEFAULT 0;
ALTER TABLE sales.cancellation_line
    ADD COLUMN unmatched_quantity integer GENERATED ALWAYS AS (-quantity - matched_quantity) STORED;
--rollback ALTER TABLE sales.cancellation_line DROP COLUMN unmatched_quantity, DROP COLUMN matched_quantity, DROP COLUMN matched_invoice_line_id;
