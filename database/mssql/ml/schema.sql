--liquibase formatted sql

-- What the ML sidecar writes back: runs, scores, recommendations, forecasts.
-- In a file of its own: a changeset added to schemas.sql would change the
-- checksum of the one before it and fail validation on deployed databases.
--changeset ecom:schemas.ml splitStatements:true endDelimiter:GO
IF SCHEMA_ID(N'ml') IS NULL EXEC (N'CREATE SCHEMA ml AUTHORIZATION dbo;');
GO
--rollback DROP SCHEMA ml;
