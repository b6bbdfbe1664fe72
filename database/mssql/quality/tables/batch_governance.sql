--liquibase formatted sql

-- The governance record of each batch: how many rows fell in each exclusion
-- category (categories overlap, see staging.classify_batch) and what
-- remained as clean sales lines. rows_read = rows_loaded + rows_rejected.
--changeset ecom:quality.batch_governance
CREATE TABLE quality.batch_governance (
    batch_id                   bigint         NOT NULL,
    rows_read                  int            NOT NULL,
    rows_rejected              int            NOT NULL,
    rows_loaded                int            NOT NULL,
    missing_customer_rows      int            NOT NULL,
    duplicate_rows             int            NOT NULL,
    cancellation_rows          int            NOT NULL,
    cancellation_invoices      int            NOT NULL,
    adjustment_rows            int            NOT NULL,
    non_positive_quantity_rows int            NOT NULL,
    non_positive_price_rows    int            NOT NULL,
    clean_rows                 int            NOT NULL,
    clean_revenue              decimal(18, 3) NOT NULL,
    clean_customers            int            NOT NULL,
    recorded_at                datetime2(0)   NOT NULL,
    CONSTRAINT pk_batch_governance PRIMARY KEY CLUSTERED (batch_id),
    CONSTRAINT fk_batch_governance_load_batch FOREIGN KEY (batch_id)
        REFERENCES staging.load_batch (batch_id)
);
--rollback DROP TABLE quality.batch_governance;
