--liquibase formatted sql

-- Exactly the clean sales lines: a customer, not a duplicate, not a
-- cancellation or adjustment invoice, positive quantity and price.
-- (batch_id, source_line_number) points back to staging.retail_line.
--changeset ecom:sales.invoice_line
CREATE TABLE sales.invoice_line (
    invoice_line_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_no         varchar(20)   NOT NULL REFERENCES sales.invoice (invoice_no),
    stock_code         varchar(20)   NOT NULL REFERENCES sales.product (stock_code),
    quantity           integer       NOT NULL CHECK (quantity > 0),
    unit_price         numeric(12,3) NOT NULL CHECK (unit_price > 0),
    line_revenue       numeric(18,3) GENERATED ALWAYS AS (quantity * unit_price) STORED,
    batch_id           bigint        NOT NULL,
    source_line_number integer       NOT NULL,
    CONSTRAINT uq_invoice_line_source UNIQUE (batch_id, source_line_number)
);
CREATE INDEX ix_invoice_line_invoice ON sales.invoice_line (invoice_no);
CREATE INDEX ix_invoice_line_stock_code ON sales.invoice_line (stock_code);
--rollback DROP TABLE sales.invoice_line;
