--liquibase formatted sql

-- Refreshes the optimizer statistics of the tables a pipeline step has just
-- filled, before the next step compiles its queries. Auto-update of
-- statistics waits for a threshold of changes and then for the next
-- compile: a step that runs right after a bulk load (or after an interrupted
-- load left the tables empty) can otherwise plan for empty tables, and the
-- summary rebuild once ran for 23 minutes instead of under one.
-- @step: 'load' (staging), 'clean' (the sales model), 'summarize' (mart).
-- EXECUTE AS OWNER: UPDATE STATISTICS needs ALTER on the table, which
-- ownership chaining does not give and etl_loader does not have.
--changeset ecom:staging.refresh_statistics runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE staging.refresh_statistics
    @step varchar(20)
WITH EXECUTE AS OWNER
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    IF @step = 'load'
    BEGIN
        UPDATE STATISTICS staging.load_batch;
        UPDATE STATISTICS staging.retail_line;
        UPDATE STATISTICS staging.rejected_line;
    END
    ELSE IF @step = 'clean'
    BEGIN
        UPDATE STATISTICS sales.country;
        UPDATE STATISTICS sales.product;
        UPDATE STATISTICS sales.customer;
        UPDATE STATISTICS sales.invoice;
        UPDATE STATISTICS sales.invoice_line;
        UPDATE STATISTICS sales.cancellation_line;
    END
    ELSE IF @step = 'summarize'
    BEGIN
        UPDATE STATISTICS mart.invoice_summary;
        UPDATE STATISTICS mart.customer_month;
        UPDATE STATISTICS mart.customer_country_month;
        UPDATE STATISTICS mart.customer_summary;
        UPDATE STATISTICS mart.product_summary;
        UPDATE STATISTICS mart.monthly_summary;
        UPDATE STATISTICS mart.country_summary;
        UPDATE STATISTICS mart.product_pair;
    END
    ELSE
    BEGIN
        DECLARE @message nvarchar(200) = CONCAT(N'staging.refresh_statistics: unknown step ''', @step,
            N''' (load, clean or summarize)');
        THROW 50000, @message, 1;
    END;
END;
GO
