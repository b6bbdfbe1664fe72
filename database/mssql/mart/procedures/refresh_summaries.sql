--liquibase formatted sql

-- Refreshes every mart.* summary from the sales model, at the end of each
-- load and in its transaction, so readers see the summaries of the sales they
-- see: one procedure per table, invoices first (the others read them), then
-- customer months (mart.refresh_monthly_summary and
-- mart.refresh_country_summary read them). Given a batch, each refreshes only
-- the keys the batch touched, so a daily file costs what it adds; with no
-- batch (NULL), each rebuilds its table whole: the repair, and the proof (the
-- contract tests compare the two). None begins or commits a
-- transaction; with XACT_ABORT an error in any of them rolls back the
-- caller's. Rows are replaced with DELETE rather than TRUNCATE, which keeps
-- it within the rights ownership chaining gives the loader. Readers do not
-- wait for a load: the deploy sets READ_COMMITTED_SNAPSHOT (database/README.md).
--changeset ecom:mart.refresh_summaries runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE mart.refresh_summaries
    @batch_id bigint = NULL
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    EXEC mart.refresh_invoice_summary @batch_id = @batch_id;
    EXEC mart.refresh_customer_month @batch_id = @batch_id;
    EXEC mart.refresh_customer_country_month @batch_id = @batch_id;
    EXEC mart.refresh_customer_summary @batch_id = @batch_id;
    EXEC mart.refresh_product_summary @batch_id = @batch_id;
    EXEC mart.refresh_monthly_summary @batch_id = @batch_id;
    EXEC mart.refresh_country_summary @batch_id = @batch_id;
    EXEC mart.refresh_product_pair @batch_id = @batch_id;
END;
GO
