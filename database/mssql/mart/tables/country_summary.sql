--liquibase formatted sql

-- One row per country with sales (the country of the invoice).
-- Rebuilt by mart.refresh_country_summary (run by mart.refresh_summaries).
--changeset ecom:mart.country_summary
--validCheckSum: 9:c4b8cc9a0abf4ce1ef532fbf3c4f06c3
CREATE TABLE mart.country_summary (
    country_id   int            NOT NULL,
    country_name nvarchar(60)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    revenue      decimal(18, 3) NOT NULL,
    orders       int            NOT NULL,
    customers    int            NOT NULL,
    CONSTRAINT pk_country_summary PRIMARY KEY CLUSTERED (country_id)
);
--rollback DROP TABLE mart.country_summary;

--changeset ecom:mart.country_summary.net
--validCheckSum: 9:31f46e3171da600c8507b3166bda172c
-- Net of the returns matched to their sales (sales.match_returns) beside the
-- gross revenue; filled by the next refresh.
ALTER TABLE mart.country_summary ADD
    net_revenue decimal(18, 3) NOT NULL CONSTRAINT df_country_summary_net_revenue DEFAULT 0;
--rollback ALTER TABLE mart.country_summary DROP CONSTRAINT df_country_summary_net_revenue;
--rollback ALTER TABLE mart.country_summary DROP COLUMN net_revenue;
