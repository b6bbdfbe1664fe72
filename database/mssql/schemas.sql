--liquibase formatted sql

-- One schema per layer: raw input (staging), the clean sales model (sales),
-- data governance (quality) and the reporting views that readers see (kpi).
-- CREATE SCHEMA must be alone in its batch, hence EXEC inside the existence check.
--changeset ecom:schemas splitStatements:true endDelimiter:GO
IF SCHEMA_ID(N'staging') IS NULL EXEC (N'CREATE SCHEMA staging AUTHORIZATION dbo;');
GO
IF SCHEMA_ID(N'sales') IS NULL EXEC (N'CREATE SCHEMA sales AUTHORIZATION dbo;');
GO
IF SCHEMA_ID(N'quality') IS NULL EXEC (N'CREATE SCHEMA quality AUTHORIZATION dbo;');
GO
IF SCHEMA_ID(N'kpi') IS NULL EXEC (N'CREATE SCHEMA kpi AUTHORIZATION dbo;');
GO
--rollback DROP SCHEMA kpi;
--rollback DROP SCHEMA quality;
--rollback DROP SCHEMA sales;
--rollback DROP SCHEMA staging;

-- Summary tables behind the reporting views (mart) and the analysis queries (analysis).
--changeset ecom:schemas.mart_analysis splitStatements:true endDelimiter:GO
IF SCHEMA_ID(N'mart') IS NULL EXEC (N'CREATE SCHEMA mart AUTHORIZATION dbo;');
GO

IF SCHEMA_ID(N'analysis') IS NULL EXEC (N'CREATE SCHEMA analysis AUTHORIZATION dbo;');
GO
--rollback DROP SCHEMA analysis;
--rollback DROP SCHEMA mart;

-- What the ML sidecar writes back: runs, scores, recommendations, forecasts (ml).
--changeset ecom:schemas.ml splitStatements:true endDelimiter:GO
IF SCHEMA_ID(N'ml') IS NULL EXEC (N'CREATE SCHEMA ml AUTHORIZATION dbo;');
GO
--rollback DROP SCHEMA ml;
