--liquibase formatted sql

-- Sales invoices and cancellation invoices ('C...') that have a customer.
-- A handful of source invoices carry lines a minute apart: invoice_date is
-- the earliest. Invoice numbers compare byte for byte, as in staging.
--changeset ecom:sales.invoice
CREATE TABLE sales.invoice (
    invoice_no      varchar(20)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    customer_id     int          NOT NULL,
    country_id      int          NOT NULL,
    invoice_date    datetime2(0) NOT NULL,
    is_cancellation bit          NOT NULL,
    batch_id        bigint       NOT NULL,
    CONSTRAINT pk_invoice PRIMARY KEY CLUSTERED (invoice_no),
    CONSTRAINT fk_invoice_customer FOREIGN KEY (customer_id)
        REFERENCES sales.customer (customer_id),
    CONSTRAINT fk_invoice_country FOREIGN KEY (country_id)
        REFERENCES sales.country (country_id),
    CONSTRAINT fk_invoice_load_batch FOREIGN KEY (batch_id)
        REFERENCES staging.load_batch (batch_id)
);
CREATE INDEX ix_invoice_customer ON sales.invoice (customer_id);
CREATE INDEX ix_invoice_date ON sales.invoice (invoice_date);
--rollback DROP TABLE sales.invoice;
