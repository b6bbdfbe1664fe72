--liquibase formatted sql

-- One row per sales invoice (cancellations excluded): the grain of orders,
-- average order value and date-range queries. 37k rows on the real data
-- against 780k lines, so reporting queries aggregate this instead.
-- Rebuilt by mart.refresh_invoice_summary (run by mart.refresh_summaries)
-- at the end of each load.
--changeset ecom:mart.invoice_summary
--validCheckSum: 9:c2f94260c366f271e1613499fe95aa3b
CREATE TABLE mart.invoice_summary (
    invoice_no    varchar(20)   NOT NULL PRIMARY KEY,
    customer_id   integer       NOT NULL,
    country_id    integer       NOT NULL,
    invoice_date  timestamp     NOT NULL,
    month_start   date          NOT NULL,
    revenue       numeric(18,3) NOT NULL,
    quantity      bigint        NOT NULL,
    line_count    integer       NOT NULL,
    product_count integer       NOT NULL
);
CREATE INDEX ix_invoice_summary_date ON mart.invoice_summary (invoice_date);
CREATE INDEX ix_invoice_summary_customer ON mart.invoice_summary (customer_id);
--rollback DROP TABLE mart.invoice_summary;

--changeset ecom:mart.invoice_summary.net
--validCheckSum: 9:6bb33f1074c7915af7bb8dde50a8283e
-- Net of the returns matched to their sales (sales.match_returns) beside the
-- gross revenue and quantity; filled by the next refresh.
ALTER TABLE mart.invoice_summary ADD COLUMN net_revenue numeric(18,3) NOT NULL DEFAULT 0,
    ADD COLUMN net_quantity bigint NOT NULL DEFAULT 0;
--rollback ALTER TABLE mart.invoice_summary DROP COLUMN net_revenue, DROP COLUMN net_quantity;
