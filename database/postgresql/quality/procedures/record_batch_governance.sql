--liquibase formatted sql

-- Counts one staged batch into quality.batch_governance (replacing any earlier
-- record of it), from the classification of staging.classify_batch, after
-- recording the batch's duplicates (staging.record_duplicates), which the
-- classification and sales.clean_batch then read.
--changeset ecom:quality.record_batch_governance runOnChange:true splitStatements:false
CREATE OR REPLACE PROCEDURE quality.record_batch_governance(p_batch_id bigint)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    CALL staging.record_duplicates(p_batch_id);

    DELETE FROM quality.batch_governance WHERE batch_id = p_batch_id;

    INSERT INTO quality.batch_governance (
        batch_id, rows_read, rows_rejected, rows_loaded,
        missing_customer_rows, duplicate_rows, cancellation_rows, cancellation_invoices,
        adjustment_rows, non_positive_quantity_rows, non_positive_price_rows,
        clean_rows, clean_revenue, clean_customers, recorded_at)
    SELECT b.batch_id, b.rows_read, b.rows_rejected, b.rows_loaded,
           COALESCE(c.missing_customer_rows, 0), COALESCE(c.duplicate_rows, 0),
           COALESCE(c.cancellation_rows, 0), COALESCE(c.cancellation_invoices, 0),
           COALESCE(c.adjustment_rows, 0), COALESCE(c.non_positive_quantity_rows, 0),
           COALESCE(c.non_positive_price_rows, 0), COALESCE(c.clean_rows, 0),
           COALESCE(c.clean_revenue, 0), COALESCE(c.clean_customers, 0),
           LOCALTIMESTAMP
    FROM staging.load_batch AS b
    LEFT JOIN (
        SELECT COUNT(*) FILTER (WHERE is_missing_customer)              AS missing_customer_rows,
               COUNT(*) FILTER (WHERE is_duplicate)                     AS duplicate_rows,
               COUNT(*) FILTER (WHERE is_cancellation)                  AS cancellation_rows,
               COUNT(DISTINCT invoice) FILTER (WHERE is_cancellation)   AS cancellation_invoices,
               COUNT(*) FILTER (WHERE is_adjustment)                    AS adjustment_rows,
               COUNT(*) FILTER (WHERE is_non_positive_quantity)         AS non_positive_quantity_rows,
               COUNT(*) FILTER (WHERE is_non_positive_price)            AS non_positive_price_rows,
               COUNT(*) FILTER (WHERE is_clean)                         AS clean_rows,
               SUM(quantity * price) FILTER (WHERE is_clean)            AS clean_revenue,
               COUNT(DISTINCT customer_id) FILTER (WHERE is_clean)      AS clean_customers
        FROM staging.classify_batch(p_batch_id)
    ) AS c ON TRUE
    WHERE b.batch_id = p_batch_id;
END;
$$;
