--liquibase formatted sql

-- Refreshes every mart.* summary from the sales model, at the end of each
-- load and in its transaction, so readers see the summaries of the sales they
-- see: one procedure per table, invoices first (the others read them), then
-- customer months (mart.refresh_monthly_summary and
-- mart.refresh_country_summary read them). Given a batch, each refreshes only
-- the keys the batch touched, so a daily file costs what it adds; with no
-- batch (null), each rebuilds its table whole: the repair, and the proof
-- (the contract tests compare the two). None commits (a
-- SECURITY DEFINER procedure cannot): all run in the caller's transaction.
-- Rows are replaced with DELETE rather than TRUNCATE: TRUNCATE would lock
-- out the report's readers until the load commits; with DELETE they keep
-- reading the previous summaries meanwhile.
--changeset ecom:mart.refresh_summaries runOnChange:true splitStatements:false
DROP PROCEDURE IF EXISTS mart.refresh_summaries();
CREATE OR REPLACE PROCEDURE mart.refresh_summaries(p_batch_id bigint DEFAULT NULL)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    CALL mart.refresh_invoice_summary(p_batch_id);
    CALL mart.refresh_customer_month(p_batch_id);
    CALL mart.refresh_customer_country_month(p_batch_id);
    CALL mart.refresh_customer_summary(p_batch_id);
    CALL mart.refresh_product_summary(p_batch_id);
    CALL mart.refresh_monthly_summary(p_batch_id);
    CALL mart.refresh_country_summary(p_batch_id);
    CALL mart.refresh_product_pair(p_batch_id);
END;
$$;
