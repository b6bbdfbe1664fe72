--liquibase formatted sql

-- Rebuilds mart.invoice_summary, one row per sales invoice, from the sales
-- model. The other summaries are aggregated from it: mart.refresh_summaries
-- runs this first.
--changeset ecom:mart.refresh_invoice_summary runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE mart.refresh_invoice_summary
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    DELETE FROM mart.invoice_summary;
    INSERT INTO mart.invoice_summary (invoice_no, customer_id, country_id, invoice_date, month_start,
                                      revenue, quantity, line_count, product_count, net_revenue, net_quantity)
    SELECT i.invoice_no, i.customer_id, i.country_id, i.invoice_date,
           DATEFROMPARTS(YEAR(i.invoice_date), MONTH(i.invoice_date), 1),
           SUM(l.line_revenue), SUM(CAST(l.quantity AS bigint)), COUNT(*), COUNT(DISTINCT l.stock_code),
           SUM(l.net_revenue), SUM(CAST(l.net_quantity AS bigint))
    FROM sales.invoice AS i
    INNER JOIN sales.invoice_line AS l ON l.invoice_no = i.invoice_no
    WHERE i.is_cancellation = 0
    GROUP BY i.invoice_no, i.customer_id, i.country_id, i.invoice_date;
END;
GO
