--liquibase formatted sql

-- analytics_reader: the reporting views (schema kpi), the analysis queries and
--   the product rule (sales.product_class, sales.non_product_rule); nothing else.
-- etl_loader: writes staging, runs the governance and cleaning procedures
--   (SECURITY DEFINER, as ownership chaining does on SQL Server).
-- sidecar_writer: reads the sales model, its summaries (mart) and the reporting views.
--changeset ecom:security.grants runOnChange:true
GRANT USAGE ON SCHEMA kpi TO analytics_reader, sidecar_writer, etl_loader;
GRANT SELECT ON ALL TABLES IN SCHEMA kpi TO analytics_reader, sidecar_writer, etl_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA kpi GRANT SELECT ON TABLES TO analytics_reader, sidecar_writer, etl_loader;

GRANT USAGE ON SCHEMA staging TO etl_loader;
GRANT SELECT, INSERT, UPDATE ON staging.load_batch TO etl_loader;
GRANT SELECT, INSERT ON staging.retail_line, staging.rejected_line TO etl_loader;
GRANT USAGE ON SCHEMA quality, sales TO etl_loader;
GRANT SELECT ON quality.batch_governance TO etl_loader;
-- A procedure is executable by PUBLIC unless revoked, and these run as their
-- owner (SECURITY DEFINER): only etl_loader may call them.
REVOKE EXECUTE ON PROCEDURE quality.record_batch_governance(bigint), sales.clean_batch(bigint),
    mart.refresh_summaries(bigint), staging.refresh_statistics(varchar) FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE quality.record_batch_governance(bigint), sales.clean_batch(bigint),
    mart.refresh_summaries(bigint), staging.refresh_statistics(varchar) TO etl_loader;
GRANT USAGE ON SCHEMA mart TO etl_loader;
-- Run by quality.record_batch_governance as its owner.
REVOKE EXECUTE ON PROCEDURE staging.record_duplicates(bigint) FROM PUBLIC;
-- The parts mart.refresh_summaries runs, one per summary table: it calls them
-- as their owner, so etl_loader needs no right on them.
REVOKE EXECUTE ON PROCEDURE mart.refresh_invoice_summary(bigint), mart.refresh_customer_month(bigint),
    mart.refresh_customer_country_month(bigint), mart.refresh_customer_summary(bigint),
    mart.refresh_product_summary(bigint), mart.refresh_monthly_summary(bigint),
    mart.refresh_country_summary(bigint), mart.refresh_product_pair(bigint) FROM PUBLIC;
-- sales.match_returns runs inside sales.clean_batch, as its owner.
REVOKE EXECUTE ON PROCEDURE sales.match_returns(bigint) FROM PUBLIC;

GRANT USAGE ON SCHEMA sales, mart TO sidecar_writer;
GRANT SELECT ON ALL TABLES IN SCHEMA sales, mart TO sidecar_writer;

-- The product rule: Power BI and the analysts read which stock codes are not
-- products, and why, and nothing else of the sales model.
GRANT USAGE ON SCHEMA sales TO analytics_reader;
GRANT SELECT ON sales.product_class, sales.non_product_rule TO analytics_reader;

-- Anomaly detection: etl_loader runs it; sidecar_writer reads its results;
-- analytics_reader sees them only through kpi views (kpi.quantity_anomaly).
-- A procedure is executable by PUBLIC unless revoked, and these run as their
-- owner (SECURITY DEFINER): only etl_loader may call them.
REVOKE EXECUTE ON PROCEDURE quality.detect_robust_product_anomalies(varchar, numeric, boolean),
    quality.detect_quantity_anomalies(numeric, numeric, boolean), quality.detect_price_anomalies(numeric, boolean) FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE quality.detect_quantity_anomalies(numeric, numeric, boolean),
    quality.detect_price_anomalies(numeric, boolean) TO etl_loader;
GRANT USAGE ON SCHEMA quality TO sidecar_writer;
GRANT SELECT ON quality.anomaly TO sidecar_writer;

-- The analysis queries (schema analysis): views, and SECURITY DEFINER functions
-- that read mart as their owner, so readers need no right on mart itself.
GRANT USAGE ON SCHEMA analysis TO analytics_reader, sidecar_writer;
GRANT SELECT ON ALL TABLES IN SCHEMA analysis TO analytics_reader, sidecar_writer;
ALTER DEFAULT PRIVILEGES IN SCHEMA analysis GRANT SELECT ON TABLES TO analytics_reader, sidecar_writer;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA analysis TO analytics_reader, sidecar_writer;
ALTER DEFAULT PRIVILEGES IN SCHEMA analysis GRANT EXECUTE ON FUNCTIONS TO analytics_reader, sidecar_writer;

-- ML write-back (schema ml): sidecar_writer writes the runs and their rows and
-- prunes old runs; readers see only the ml.current_* views and the run
-- history of figures (ml.run_metric, ml.segment_summary), never a run in
-- progress. ml.repurchase_reason is readable whole (the reasons of every kept
-- run): its rows are written in the transaction that marks the run succeeded.
GRANT USAGE ON SCHEMA ml TO sidecar_writer, analytics_reader;
GRANT SELECT, INSERT, UPDATE, DELETE ON ml.model_run, ml.customer_segment, ml.repurchase_score,
    ml.repurchase_profit_curve, ml.repurchase_reason, ml.product_recommendation, ml.revenue_forecast, ml.model_artefact
    TO sidecar_writer;
GRANT SELECT ON ml.current_model_run, ml.run_metric, ml.current_customer_segment, ml.segment_summary, ml.segment_migration,
    ml.current_repurchase_score, ml.current_repurchase_profit_curve, ml.current_product_recommendation,
    ml.current_revenue_forecast, ml.current_model_artefact, ml.campaign_assumptions, ml.current_repurchase_reason,
    ml.repurchase_reason TO sidecar_writer, analytics_reader;
REVOKE EXECUTE ON PROCEDURE ml.prune_runs(integer) FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE ml.prune_runs(integer) TO sidecar_writer;
