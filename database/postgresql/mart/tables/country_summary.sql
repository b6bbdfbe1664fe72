--liquibase formatted sql

-- One row per country with sales (the country of the invoice).
-- Rebuilt by mart.refresh_country_summary (run by mart.refresh_summaries).
--changeset ecom:mart.country_summary
--validCheckSum: 9:2763e1f145ef5418be0eb0edaa0474b1
CREATE TABLE mart.country_summary (
    country_id   integer       NOT NULL PRIMARY KEY,
    country_name varchar(60)   NOT NULL,
    revenue      numeric(18,3) NOT NULL,
    orders       integer       NOT NULL,
    customers    integer       NOT NULL
);
--rollback DROP TABLE mart.country_summary;

--changeset ecom:mart.country_summary.net
--validCheckSum: 9:06819aa5d86340edfa2a7cd4d27e02b7
-- Net of the returns matched to their sales (sales.match_returns) beside the
-- gross revenue; filled by the next refresh.
ALTER TABLE mart.country_summary ADD COLUMN net_revenue numeric(18,3) NOT NULL DEFAULT 0;
--rollback ALTER TABLE mart.country_summary DROP COLUMN net_revenue;
