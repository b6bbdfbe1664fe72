--liquibase formatted sql

-- Three roles, each with the least it needs (grants in security/grants.sql).
-- PostgreSQL roles belong to the cluster, hence the existence checks.
--changeset ecom:security.roles runOnChange:true splitStatements:false
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'analytics_reader') THEN
        CREATE ROLE analytics_reader NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sidecar_writer') THEN
        CREATE ROLE sidecar_writer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'etl_loader') THEN
        CREATE ROLE etl_loader NOLOGIN;
    END IF;
END;
$$;
