--liquibase formatted sql

-- One row per calendar month with sales. is_partial marks a month the data
-- does not cover whole (the real data ends on 9 December 2011): comparing it
-- with a full month would read as a collapse. Rebuilt by
-- mart.refresh_monthly_summary (run by mart.refresh_summaries).
--changeset ecom:mart.monthly_summary
--validCheckSum: 9:ff31fa9ed5350fc7d5ac30e7ca08e258
CREATE TABLE mart.monthly_summary (
    month_start      date          NOT NULL PRIMARY KEY,
    revenue          numeric(18,3) NOT NULL,
    orders           integer       NOT NULL,
    active_customers integer       NOT NULL,
    new_customers    integer       NOT NULL,
    quantity         bigint        NOT NULL,
    is_partial       boolean       NOT NULL
);
--rollback DROP TABLE mart.monthly_summary;

--changeset ecom:mart.monthly_summary.net
--validCheckSum: 9:70beeec15d35d165038be121e7ef3447
-- Net of the returns matched to their sales (sales.match_returns) beside the
-- gross revenue; filled by the next refresh.
ALTER TABLE mart.monthly_summary ADD COLUMN net_revenue numeric(18,3) NOT NULL DEFAULT 0;
--rollback ALTER TABLE mart.monthly_summary DROP COLUMN net_revenue;
