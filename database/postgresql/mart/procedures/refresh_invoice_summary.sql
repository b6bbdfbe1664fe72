--liquibase formatted sql

-- Rebuilds mart.invoice_summary, one row per sales invoice, from the sales
-- model. The other summaries are aggregated from it: mart.refresh_summaries
-- runs this first.
--changeset ecom:mart.refresh_invoice_summary runOnChange:true splitStatements:false
CREATE OR REPLACE PROCEDURE mart.refresh_invoice_summary()
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DELETE FROM mart.invoice_summary;
    INSERT INTO mart.invoice_summary (invoice_no, customer_id, country_id, invoice_date, month_start,
                                      revenue, quantity, line_count, product_count, net_revenue, net_quantity)
    SELECT i.invoice_no, i.customer_id, i.country_id, i.invoice_date,
           CAST(date_trunc('month', i.invoice_date) AS date),
           SUM(l.line_revenue), SUM(l.quantity), COUNT(*), COUNT(DISTINCT l.stock_code),
           SUM(l.net_revenue), SUM(l.net_quantity)
    FROM sales.invoice AS i
    JOIN sales.invoice_line AS l ON l.invoice_no = i.invoice_no
    WHERE NOT i.is_cancellation
    GROUP BY i.invoice_no, i.customer_id, i.country_id, i.invoice_date;

    -- Fresh statistics: the plans of the reporting queries and of the
    -- summaries aggregated from this table depend on them.
    ANALYZE mart.invoice_summary;
END;
$$;
