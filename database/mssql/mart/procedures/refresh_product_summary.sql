--liquibase formatted sql

-- Refreshes mart.product_summary, one row per product sold, from the sales
-- model: the products on the lines of the invoices a batch touched
-- (mart.touched_invoice; a cancellation line can change a product's
-- description), or with a null batch all of them.
--changeset ecom:mart.refresh_product_summary runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE mart.refresh_product_summary
    @batch_id bigint = NULL
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    SELECT t.invoice_no
    INTO #touched_invoice
    FROM mart.touched_invoice(@batch_id) AS t
    OPTION (RECOMPILE);

    SELECT l.stock_code
    INTO #touched_product
    FROM sales.invoice_line AS l
    WHERE l.invoice_no IN (SELECT t.invoice_no FROM #touched_invoice AS t)
    UNION
    SELECT c.stock_code
    FROM sales.cancellation_line AS c
    WHERE c.invoice_no IN (SELECT t.invoice_no FROM #touched_invoice AS t);

    IF @batch_id IS NULL
        DELETE FROM mart.product_summary;
    ELSE
        DELETE FROM mart.product_summary
        WHERE stock_code IN (SELECT t.stock_code FROM #touched_product AS t);

    INSERT INTO mart.product_summary (stock_code, description, revenue, net_revenue, net_quantity, quantity, orders, customers,
                                      first_sold_at, last_sold_at)
    SELECT l.stock_code, MIN(p.description), SUM(l.line_revenue), SUM(l.net_revenue), SUM(CAST(l.net_quantity AS bigint)), SUM(CAST(l.quantity AS bigint)),
           COUNT(DISTINCT l.invoice_no), COUNT(DISTINCT i.customer_id),
           MIN(i.invoice_date), MAX(i.invoice_date)
    FROM sales.invoice_line AS l
    INNER JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no
    INNER JOIN sales.product AS p ON p.stock_code = l.stock_code
    WHERE l.stock_code IN (SELECT t.stock_code FROM #touched_product AS t)
    GROUP BY l.stock_code;
END;
GO
