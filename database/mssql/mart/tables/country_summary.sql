--liquibase formatted sql

-- One row per country with sales (the country of the invoice).
-- Rebuilt by mart.refresh_country_summary (run by mart.refresh_summaries).
--changeset ecom:mart.country_summary
CREATE TABLE mart.country_summary (
    country_id   int            NOT NULL,
    country_name nvarchar(60)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    revenue      decimal(18, 3) NOT NULL,
    orders       int            NOT NULL,
    customers    int            NOT NULL,
    CONSTRAINT pk_country_summary PRIMARY KEY CLUSTERED (country_id)
);
--rollback DROP TABLE mart.country_summary;
