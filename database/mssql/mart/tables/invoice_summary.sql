--liquibase formatted sql

-- One row per sales invoice (cancellations excluded): the grain of orders,
-- average order value and date-range queries. 37k rows on the real data
-- against 780k lines, so reporting queries aggregate this instead.
-- Rebuilt by mart.refresh_invoice_summary (run by mart.refresh_summaries)
-- at the end of each load.
--changeset ecom:mart.invoice_summary
--validCheckSum: 9:fce774e4a9d727e4ccaa9885dc350aae
CREATE TABLE mart.invoice_summary (
    invoice_no    varchar(20)    COLLATE Latin1_General_100_BIN2 NOT NULL,
    customer_id   int            NOT NULL,
    country_id    int            NOT NULL,
    invoice_date  datetime2(0)   NOT NULL,
    month_start   date           NOT NULL,
    revenue       decimal(18, 3) NOT NULL,
    quantity      bigint         NOT NULL,
    line_count    int            NOT NULL,
    product_count int            NOT NULL,
    CONSTRAINT pk_invoice_summary PRIMARY KEY CLUSTERED (invoice_no)
);
CREATE INDEX ix_invoice_summary_date ON mart.invoice_summary (invoice_date);
CREATE INDEX ix_invoice_summary_customer ON mart.invoice_summary (customer_id);
--rollback DROP TABLE mart.invoice_summary;

--changeset ecom:mart.invoice_summary.net
--validCheckSum: 9:3f52b3e0c8279cea98a19ecab8f8512f
-- Net of the returns matched to their sales (sales.match_returns) beside the
-- gross revenue and quantity; filled by the next refresh.
-- One column per ALTER TABLE: Babelfish parses no list of columns there.
ALTER TABLE mart.invoice_summary ADD net_revenue decimal(18, 3) NOT NULL CONSTRAINT df_invoice_summary_net_revenue DEFAULT 0;
ALTER TABLE mart.invoice_summary ADD net_quantity bigint NOT NULL CONSTRAINT df_invoice_summary_net_quantity DEFAULT 0;
--rollback ALTER TABLE mart.invoice_summary DROP CONSTRAINT df_invoice_summary_net_revenue, df_invoice_summary_net_quantity;
--rollback ALTER TABLE mart.invoice_summary DROP COLUMN net_revenue, net_quantity;
