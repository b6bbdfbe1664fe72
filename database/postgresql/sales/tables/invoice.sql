--liquibase formatted sql

-- Sales invoices and cancellation invoices ('C...') that have a customer.
-- A handful of source invoices carry lines a minute apart: invoice_date is
-- the earliest.
--changeset ecom:sales.invoice
CREATE TABLE sales.invoice (
    invoice_no      varchar(20) NOT NULL PRIMARY KEY,
    customer_id     integer     NOT NULL REFERENCES sales.customer (customer_id),
    country_id      integer     NOT NULL REFERENCES sales.country (country_id),
    invoice_date    timestamp   NOT NULL,
    is_cancellation boolean     NOT NULL,
    batch_id        bigint      NOT NULL REFERENCES staging.load_batch (batch_id)
);
CREATE INDEX ix_invoice_customer ON sales.invoice (customer_id);
CREATE INDEX ix_invoice_date ON sales.invoice (invoice_date);
--rollback DROP TABLE sales.invoice;
