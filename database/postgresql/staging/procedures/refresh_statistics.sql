--liquibase formatted sql

-- Refreshes the planner statistics of the tables a pipeline step has just
-- filled, before the next step plans its queries. Autovacuum analyses on its
-- own schedule: a step that runs right after a bulk load (or after an
-- interrupted load left the tables empty) can otherwise plan for empty tables,
-- and the summary rebuild once ran for 23 minutes instead of under one.
-- p_step: 'load' (staging), 'clean' (the sales model), 'summarize' (mart).
-- SECURITY DEFINER: ANALYZE needs the tables' owner, and etl_loader is not.
--changeset ecom:staging.refresh_statistics runOnChange:true splitStatements:false
CREATE OR REPLACE PROCEDURE staging.refresh_statistics(p_step varchar)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    CASE p_step
        WHEN 'load' THEN
            ANALYZE staging.load_batch, staging.retail_line, staging.rejected_line;
        WHEN 'clean' THEN
            ANALYZE sales.country, sales.product, sales.customer, sales.invoice, sales.invoice_line,
                sales.cancellation_line;
        WHEN 'summarize' THEN
            ANALYZE mart.invoice_summary, mart.customer_month, mart.customer_country_month, mart.customer_summary,
                mart.product_summary, mart.monthly_summary, mart.country_summary, mart.product_pair;
        ELSE
            RAISE EXCEPTION 'staging.refresh_statistics: unknown step ''%'' (load, clean or summarize)', p_step;
    END CASE;
END;
$$;
--rollback DROP PROCEDURE staging.refresh_statistics(varchar);
