--liquibase formatted sql

-- Records which rows of one staged batch are exact duplicates into
-- staging.duplicate_line (replacing any earlier record of the batch): all
-- eight source fields equal those of an earlier row, earlier in the same
-- batch (by line number) or in an earlier batch. The first copy stays.
-- Earlier batches are searched only for the invoices of this batch, through
-- ix_retail_line_invoice, so the cost follows the batch, not the history.
-- Split on GO only: the semicolons inside the body must reach the server.
--changeset ecom:staging.record_duplicates runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE staging.record_duplicates
    @batch_id bigint
AS
BEGIN
    -- The caller owns the transaction; XACT_ABORT rolls all of it back on error.
    SET NOCOUNT, XACT_ABORT ON;

    DELETE FROM staging.duplicate_line
    WHERE batch_id = @batch_id;

    WITH candidate AS (
        SELECT r.batch_id, r.line_number, r.invoice, r.stock_code, r.description, r.quantity,
               r.invoice_date, r.price, r.customer_id, r.country
        FROM staging.retail_line AS r
        WHERE r.batch_id = @batch_id
        UNION ALL
        SELECT r.batch_id, r.line_number, r.invoice, r.stock_code, r.description, r.quantity,
               r.invoice_date, r.price, r.customer_id, r.country
        FROM staging.retail_line AS r
        WHERE r.batch_id < @batch_id
          AND r.invoice IN (SELECT t.invoice FROM staging.retail_line AS t WHERE t.batch_id = @batch_id)
    ),
    numbered AS (
        SELECT c.batch_id, c.line_number,
               ROW_NUMBER() OVER (
                   PARTITION BY c.invoice, c.stock_code, c.description, c.quantity,
                                c.invoice_date, c.price, c.customer_id, c.country
                   ORDER BY c.batch_id, c.line_number) AS copy_number
        FROM candidate AS c
    )
    INSERT INTO staging.duplicate_line (batch_id, line_number)
    SELECT n.batch_id, n.line_number
    FROM numbered AS n
    WHERE n.batch_id = @batch_id
      AND n.copy_number > 1;
END;
GO
