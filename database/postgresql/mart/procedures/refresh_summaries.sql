--liquibase formatted sql

-- Rebuilds every mart.* summary from the sales model, at the end of each
-- load and in its transaction, so readers see the summaries of the sales they
-- see: one procedure per table, invoices first (the others read them), then
-- customer months (mart.refresh_monthly_summary reads them). None commits (a
-- SECURITY DEFINER procedure cannot): all run in the caller's transaction.
-- Each replaces its table with DELETE rather than TRUNCATE: TRUNCATE would
-- lock out the report's readers until the load commits; with DELETE they
-- keep reading the previous summaries meanwhile.
--changeset ecom:mart.refresh_summaries runOnChange:true splitStatements:false
CREATE OR REPLACE PROCEDURE mart.refresh_summaries()
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    CALL mart.refresh_invoice_summary();
    CALL mart.refresh_customer_month();
    CALL mart.refresh_customer_country_month();
    CALL mart.refresh_customer_summary();
    CALL mart.refresh_product_summary();
    CALL mart.refresh_monthly_summary();
    CALL mart.refresh_country_summary();
    CALL mart.refresh_product_pair();
END;
$$;
