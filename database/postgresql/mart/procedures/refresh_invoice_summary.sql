--liquibase formatted sql

-- Refreshes mart.invoice_summary, one row per sales invoice, from the sales
-- model: the invoices a batch touched (mart.touched_invoice), or with a null
-- batch all of them (the full rebuild). The other summaries are aggregated
-- from it: mart.refresh_summaries runs this first.
--changeset ecom:mart.refresh_invoice_summary runOnChange:true splitStatements:false
DROP PROCEDURE IF EXISTS mart.refresh_invoice_summary();
CREATE OR REPLACE PROCEDURE mart.refresh_invoice_summary(p_batch_id bigint DEFAULT NULL)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_batch_id IS NULL THEN
        DELETE FROM mart.invoice_summary;
    ELSE
        DELETE FROM mart.invoice_summary
        WHERE invoice_no IN (SELECT t.invoice_no FROM mart.touched_invoice(p_batch_id) AS t);
    END IF;

    INSERT INTO mart.invoice_summary (invoice_no, customer_id, country_id, invoice_date, month_start,
                                      revenue, quantity, line_count, product_count, net_revenue, net_quantity)
    SELECT i.invoice_no, i.customer_id, i.country_id, i.invoice_date,
           CAST(date_trunc('month', i.invoice_date) AS date),
           SUM(l.line_revenue), SUM(l.quantity), COUNT(*), COUNT(DISTINCT l.stock_code),
           SUM(l.net_revenue), SUM(l.net_quantity)
    FROM sales.invoice AS i
    JOIN sales.invoice_line AS l ON l.invoice_no = i.invoice_no
    WHERE NOT i.is_cancellation
      AND i.invoice_no IN (SELECT t.invoice_no FROM mart.touched_invoice(p_batch_id) AS t)
    GROUP BY i.invoice_no, i.customer_id, i.country_id, i.invoice_date;

    -- After a rebuild, fresh statistics: the plans of the reporting queries and
    -- of the summaries aggregated from this table depend on them. A daily
    -- batch changes too few rows to matter.
    IF p_batch_id IS NULL THEN
        ANALYZE mart.invoice_summary;
    END IF;
END;
$$;
