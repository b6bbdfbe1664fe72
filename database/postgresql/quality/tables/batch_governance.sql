--liquibase formatted sql

-- The governance record of each batch: how many rows fell in each exclusion
-- category (categories overlap, see staging.classify_batch) and what
-- remained as clean sales lines. rows_read = rows_loaded + rows_rejected.
--changeset ecom:quality.batch_governance
CREATE TABLE quality.batch_governance (
    batch_id                   bigint        NOT NULL PRIMARY KEY REFERENCES staging.load_batch (batch_id),
    rows_read                  integer       NOT NULL,
    rows_rejected              integer       NOT NULL,
    rows_loaded                integer       NOT NULL,
    missing_customer_rows      integer       NOT NULL,
    duplicate_rows             integer       NOT NULL,
    cancellation_rows          integer       NOT NULL,
    cancellation_invoices      integer       NOT NULL,
    adjustment_rows            integer       NOT NULL,
    non_positive_quantity_rows integer       NOT NULL,
    non_positive_price_rows    integer       NOT NULL,
    clean_rows                 integer       NOT NULL,
    clean_revenue              numeric(18,3) NOT NULL,
    clean_customers            integer       NOT NULL,
    recorded_at                timestamp     NOT NULL
);
--rollback DROP TABLE quality.batch_governance;
