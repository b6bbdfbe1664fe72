--liquibase formatted sql

-- One schema per layer: raw input (staging), the clean sales model (sales),
-- data governance (quality) and the reporting views that readers see (kpi).
--changeset ecom:schemas
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS sales;
CREATE SCHEMA IF NOT EXISTS quality;
CREATE SCHEMA IF NOT EXISTS kpi;
--rollback DROP SCHEMA kpi; DROP SCHEMA quality; DROP SCHEMA sales; DROP SCHEMA staging;

-- Summary tables behind the reporting views (mart) and the analysis queries (analysis).
--changeset ecom:schemas.mart_analysis
CREATE SCHEMA IF NOT EXISTS mart;
CREATE SCHEMA IF NOT EXISTS analysis;
--rollback DROP SCHEMA analysis; DROP SCHEMA mart;

-- What the ML sidecar writes back: runs, scores, recommendations, forecasts (ml).
--changeset ecom:schemas.ml
CREATE SCHEMA IF NOT EXISTS ml;
--rollback DROP SCHEMA ml;
