--liquibase formatted sql

-- Three roles, each with the least it needs (grants in security/grants.sql).
-- Database roles, not logins: members are added per environment by the DBA
-- (ALTER ROLE etl_loader ADD MEMBER ...), hence the existence checks.
--changeset ecom:security.roles runOnChange:true splitStatements:true endDelimiter:GO
IF DATABASE_PRINCIPAL_ID(N'analytics_reader') IS NULL
    CREATE ROLE analytics_reader AUTHORIZATION dbo;
GO
IF DATABASE_PRINCIPAL_ID(N'sidecar_writer') IS NULL
    CREATE ROLE sidecar_writer AUTHORIZATION dbo;
GO
IF DATABASE_PRINCIPAL_ID(N'etl_loader') IS NULL
    CREATE ROLE etl_loader AUTHORIZATION dbo;
GO
