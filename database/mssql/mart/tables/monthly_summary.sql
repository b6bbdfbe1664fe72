--liquibase formatted sql

-- One row per calendar month with sales. is_partial marks a month the data
-- does not cover whole (the real data ends on 9 December 2011): comparing it
-- with a full month would read as a collapse. Rebuilt by
-- mart.refresh_monthly_summary (run by mart.refresh_summaries).
--changeset ecom:mart.monthly_summary
--validCheckSum: 9:aaab65bbe50742b9fae874442739307c
CREATE TABLE mart.monthly_summary (
    month_start      date           NOT NULL,
    revenue          decimal(18, 3) NOT NULL,
    orders           int            NOT NULL,
    active_customers int            NOT NULL,
    new_customers    int            NOT NULL,
    quantity         bigint         NOT NULL,
    is_partial       bit            NOT NULL,
    CONSTRAINT pk_monthly_summary PRIMARY KEY CLUSTERED (month_start)
);
--rollback DROP TABLE mart.monthly_summary;

--changeset ecom:mart.monthly_summary.net
--validCheckSum: 9:6325eb8146edf12d30dfb49ae35f0fff
-- Net of the returns matched to their sales (sales.match_returns) beside the
-- gross revenue; filled by the next refresh.
ALTER TABLE mart.monthly_summary ADD
    net_revenue decimal(18, 3) NOT NULL CONSTRAINT df_monthly_summary_net_revenue DEFAULT 0;
--rollback ALTER TABLE mart.monthly_summary DROP CONSTRAINT df_monthly_summary_net_revenue;
--rollback ALTER TABLE mart.monthly_summary DROP COLUMN net_revenue;
