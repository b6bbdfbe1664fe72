--liquibase formatted sql

-- analytics_reader: the reporting views (schema kpi), the analysis queries and
--   the product rule (sales.product_class, sales.non_product_rule); nothing else.
-- etl_loader: writes staging, runs the governance and cleaning procedures.
-- sidecar_writer: reads the sales model, its summaries (mart) and the reporting views.
-- A grant on a schema also covers the objects added to it later (what
-- ALTER DEFAULT PRIVILEGES does in PostgreSQL).
--changeset ecom:security.grants runOnChange:true stripComments:false
GRANT SELECT ON SCHEMA::kpi TO analytics_reader, sidecar_writer, etl_loader;

GRANT SELECT, INSERT, UPDATE ON OBJECT::staging.load_batch TO etl_loader;
GRANT SELECT, INSERT ON OBJECT::staging.retail_line TO etl_loader;
GRANT SELECT, INSERT ON OBJECT::staging.rejected_line TO etl_loader;
GRANT SELECT ON OBJECT::quality.batch_governance TO etl_loader;

-- EXECUTE is all etl_loader needs on the sales model: every schema is owned
-- by dbo, so ownership chaining lets the procedures read staging and write
-- sales and quality without granting etl_loader anything there (what
-- SECURITY DEFINER does in PostgreSQL). Do not give a schema another owner:
-- that breaks the chain.
GRANT EXECUTE ON OBJECT::sales.clean_batch TO etl_loader;
GRANT EXECUTE ON OBJECT::quality.record_batch_governance TO etl_loader;
-- mart.refresh_summaries runs one procedure per summary table
-- (mart.refresh_invoice_summary ...): ownership chaining covers them too.
GRANT EXECUTE ON OBJECT::mart.refresh_summaries TO etl_loader;
-- Runs as its owner (EXECUTE AS OWNER): UPDATE STATISTICS needs ALTER.
GRANT EXECUTE ON OBJECT::staging.refresh_statistics TO etl_loader;

-- The loader writes staging.retail_line with the JDBC bulk copy API (INSERT
-- BULK, as SqlBulkCopy does). On Azure SQL Database that needs this database
-- permission besides INSERT; a SQL Server that does not know the permission
-- is skipped. The loader must ask the bulk copy to check constraints, or it
-- would also need ALTER on the table and leave the foreign keys untrusted.
IF EXISTS (SELECT 1
           FROM sys.fn_builtin_permissions(N'DATABASE')
           WHERE permission_name = N'ADMINISTER DATABASE BULK OPERATIONS')
    GRANT ADMINISTER DATABASE BULK OPERATIONS TO etl_loader;

GRANT SELECT ON SCHEMA::sales TO sidecar_writer;

-- The product rule: Power BI and the analysts read which stock codes are not
-- products, and why, and nothing else of the sales model.
GRANT SELECT ON OBJECT::sales.product_class TO analytics_reader;
GRANT SELECT ON OBJECT::sales.non_product_rule TO analytics_reader;
GRANT SELECT ON SCHEMA::mart TO sidecar_writer;

-- Anomaly detection: etl_loader runs it (ownership chaining covers the shared
-- quality.detect_robust_product_anomalies they call); sidecar_writer reads
-- its results; analytics_reader sees them only through kpi views
-- (kpi.quantity_anomaly), never quality.anomaly itself.
GRANT EXECUTE ON OBJECT::quality.detect_quantity_anomalies TO etl_loader;
GRANT EXECUTE ON OBJECT::quality.detect_price_anomalies TO etl_loader;
GRANT SELECT ON OBJECT::quality.anomaly TO sidecar_writer;

-- The analysis queries (schema analysis): SELECT on the schema covers its views
-- and inline table-valued functions; ownership chaining lets them read mart.
GRANT SELECT ON SCHEMA::analysis TO analytics_reader, sidecar_writer;

-- ML write-back (schema ml): sidecar_writer writes the runs and their rows and
-- prunes old runs; readers see only the ml.current_* views and the run
-- history of figures (ml.run_metric, ml.segment_summary), never a run in
-- progress. ml.repurchase_reason is readable whole (the reasons of every kept
-- run): its rows are written in the transaction that marks the run succeeded.
GRANT SELECT, INSERT, UPDATE, DELETE ON OBJECT::ml.model_run TO sidecar_writer;
GRANT SELECT, INSERT, UPDATE, DELETE ON OBJECT::ml.customer_segment TO sidecar_writer;
GRANT SELECT, INSERT, UPDATE, DELETE ON OBJECT::ml.repurchase_score TO sidecar_writer;
GRANT SELECT, INSERT, UPDATE, DELETE ON OBJECT::ml.repurchase_profit_curve TO sidecar_writer;
GRANT SELECT, INSERT, UPDATE, DELETE ON OBJECT::ml.repurchase_reason TO sidecar_writer;
GRANT SELECT ON OBJECT::ml.repurchase_reason TO analytics_reader;
GRANT SELECT, INSERT, UPDATE, DELETE ON OBJECT::ml.product_recommendation TO sidecar_writer;
GRANT SELECT, INSERT, UPDATE, DELETE ON OBJECT::ml.revenue_forecast TO sidecar_writer;
GRANT SELECT, INSERT, UPDATE, DELETE ON OBJECT::ml.model_artefact TO sidecar_writer;
GRANT EXECUTE ON OBJECT::ml.prune_runs TO sidecar_writer;
GRANT SELECT ON OBJECT::ml.current_model_run TO analytics_reader, sidecar_writer;
GRANT SELECT ON OBJECT::ml.run_metric TO analytics_reader, sidecar_writer;
GRANT SELECT ON OBJECT::ml.current_customer_segment TO analytics_reader, sidecar_writer;
GRANT SELECT ON OBJECT::ml.segment_summary TO analytics_reader, sidecar_writer;
GRANT SELECT ON OBJECT::ml.segment_migration TO analytics_reader, sidecar_writer;
GRANT SELECT ON OBJECT::ml.current_repurchase_score TO analytics_reader, sidecar_writer;
GRANT SELECT ON OBJECT::ml.current_repurchase_profit_curve TO analytics_reader, sidecar_writer;
GRANT SELECT ON OBJECT::ml.campaign_assumptions TO analytics_reader, sidecar_writer;
GRANT SELECT ON OBJECT::ml.current_repurchase_reason TO analytics_reader, sidecar_writer;
GRANT SELECT ON OBJECT::ml.current_product_recommendation TO analytics_reader, sidecar_writer;
GRANT SELECT ON OBJECT::ml.current_revenue_forecast TO analytics_reader, sidecar_writer;
GRANT SELECT ON OBJECT::ml.current_model_artefact TO analytics_reader, sidecar_writer;
