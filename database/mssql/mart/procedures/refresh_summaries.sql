--liquibase formatted sql

-- Rebuilds every mart.* summary from the sales model, at the end of each
-- load and in its transaction, so readers see the summaries of the sales they
-- see: one procedure per table, invoices first (the others read them), then
-- customer months (mart.refresh_monthly_summary reads them). None begins or
-- commits a transaction; with XACT_ABORT an error in any of them rolls back
-- the caller's. Each replaces its table with DELETE rather than TRUNCATE,
-- which keeps it within the rights ownership chaining gives the loader; the
-- tables are small.
--changeset ecom:mart.refresh_summaries runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE mart.refresh_summaries
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    EXEC mart.refresh_invoice_summary;
    EXEC mart.refresh_customer_month;
    EXEC mart.refresh_customer_country_month;
    EXEC mart.refresh_customer_summary;
    EXEC mart.refresh_product_summary;
    EXEC mart.refresh_monthly_summary;
    EXEC mart.refresh_country_summary;
    EXEC mart.refresh_product_pair;
END;
GO
