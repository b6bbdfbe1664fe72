--liquibase formatted sql

-- What the ML sidecar writes back: runs, scores, recommendations, forecasts.
-- In a file of its own: a changeset added to schemas.sql would change the
-- checksum of the one before it and fail validation on deployed databases.
--changeset ecom:schemas.ml
CREATE SCHEMA IF NOT EXISTS ml;
--rollback DROP SCHEMA ml;
