--liquibase formatted sql

-- Refreshes mart.invoice_summary, one row per sales invoice, from the sales
-- model: the invoices a batch touched (mart.touched_invoice), or with a null
-- batch all of them (the full rebuild). The other summaries are aggregated
-- from it: mart.refresh_summaries runs this first.
--changeset ecom:mart.refresh_invoice_summary runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE mart.refresh_invoice_summary
    @batch_id bigint = NULL
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    SELECT t.invoice_no
    INTO #touched_invoice
    FROM mart.touched_invoice(@batch_id) AS t
    OPTION (RECOMPILE);

    IF @batch_id IS NULL
        DELETE FROM mart.invoice_summary;
    ELSE
        DELETE FROM mart.invoice_summary
        WHERE invoice_no IN (SELECT t.invoice_no FROM #touched_invoice AS t);

    INSERT INTO mart.invoice_summary (invoice_no, customer_id, country_id, invoice_date, month_start,
                                      revenue, quantity, line_count, product_count, net_revenue, net_quantity)
    SELECT i.invoice_no, i.customer_id, i.country_id, i.invoice_date,
           DATEFROMPARTS(YEAR(i.invoice_date), MONTH(i.invoice_date), 1),
           SUM(l.line_revenue), SUM(CAST(l.quantity AS bigint)), COUNT(*), COUNT(DISTINCT l.stock_code),
           SUM(l.net_revenue), SUM(CAST(l.net_quantity AS bigint))
    FROM sales.invoice AS i
    INNER JOIN sales.invoice_line AS l ON l.invoice_no = i.invoice_no
    WHERE i.is_cancellation = 0
      AND i.invoice_no IN (SELECT t.invoice_no FROM #touched_invoice AS t)
    GROUP BY i.invoice_no, i.customer_id, i.country_id, i.invoice_date;
END;
GO
