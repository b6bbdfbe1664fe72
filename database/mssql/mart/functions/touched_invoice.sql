--liquibase formatted sql

-- The invoices whose summaries a batch may have changed: those with a sales
-- or cancellation line of the batch (an invoice can gain lines in a later
-- file), and those with a line whose net the batch changed (a late
-- cancellation matched to an earlier sale: sales.match_returns sets
-- returns_batch_id). Every mart.refresh_<table> derives the keys it refreshes (customers,
-- months, products, countries) from these. A null batch: every invoice (the
-- full rebuild). An inline table-valued function: the optimizer expands it
-- into the caller, whose OPTION (RECOMPILE) then plans for the batch given.
--changeset ecom:mart.touched_invoice runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER FUNCTION mart.touched_invoice (@batch_id bigint)
RETURNS TABLE
AS
RETURN (
    SELECT l.invoice_no FROM sales.invoice_line AS l WHERE l.batch_id = @batch_id OR @batch_id IS NULL
    UNION
    SELECT c.invoice_no FROM sales.cancellation_line AS c WHERE c.batch_id = @batch_id OR @batch_id IS NULL
    UNION
    SELECT l.invoice_no FROM sales.invoice_line AS l WHERE l.returns_batch_id = @batch_id
);
GO
