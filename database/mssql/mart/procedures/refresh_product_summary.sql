--liquibase formatted sql

-- Rebuilds mart.product_summary, one row per product sold, from the sales model.
--changeset ecom:mart.refresh_product_summary runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE mart.refresh_product_summary
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    DELETE FROM mart.product_summary;
    INSERT INTO mart.product_summary (stock_code, description, revenue, net_revenue, net_quantity, quantity, orders, customers,
                                      first_sold_at, last_sold_at)
    SELECT l.stock_code, MIN(p.description), SUM(l.line_revenue), SUM(l.net_revenue), SUM(CAST(l.net_quantity AS bigint)), SUM(CAST(l.quantity AS bigint)),
           COUNT(DISTINCT l.invoice_no), COUNT(DISTINCT i.customer_id),
           MIN(i.invoice_date), MAX(i.invoice_date)
    FROM sales.invoice_line AS l
    INNER JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no
    INNER JOIN sales.product AS p ON p.stock_code = l.stock_code
    GROUP BY l.stock_code;
END;
GO
