--liquibase formatted sql

-- Moves one staged batch into the sales model, set-based: the clean lines
-- into sales.invoice_line, the cancellation lines that have a customer into
-- sales.cancellation_line, and the countries, products, customers and
-- invoices they need, then matches the returns to their sales
-- (sales.match_returns). The rules come from staging.classify_batch.
-- Split on GO only: the semicolons inside the body must reach the server.
--changeset ecom:sales.clean_batch runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE sales.clean_batch
    @batch_id bigint
AS
BEGIN
    -- The caller owns the transaction (one per loaded file); XACT_ABORT makes
    -- any error here roll all of it back rather than leave half a batch.
    SET NOCOUNT, XACT_ABORT ON;

    -- Classify once: every later step reads the kept rows of this batch.
    -- SELECT INTO keeps the BIN2 collations of staging (a CREATE TABLE #...
    -- would take tempdb's default and fail the joins below). The COLLATE
    -- clauses restate them: SQL Server keeps a column's collation through an
    -- inline function, Babelfish does not, and would then merge stock codes
    -- that differ only in case (M and m) into one product.
    SELECT line_number,
           invoice COLLATE Latin1_General_100_BIN2 AS invoice,
           stock_code COLLATE Latin1_General_100_BIN2 AS stock_code,
           description COLLATE Latin1_General_100_BIN2 AS description,
           quantity, invoice_date, price, customer_id,
           country COLLATE Latin1_General_100_BIN2 AS country,
           is_cancellation
    INTO #kept_line
    FROM staging.classify_batch(@batch_id)
    WHERE (is_clean = 1 OR (is_cancellation = 1 AND is_missing_customer = 0 AND is_duplicate = 0));

    -- UPDLOCK, HOLDLOCK on each existence check: two loads cleaning at once
    -- cannot both insert the same key (what ON CONFLICT does in PostgreSQL).
    -- A new country's id follows its first line, the same on every engine.
    INSERT INTO sales.country (country_name)
    SELECT k.country
    FROM #kept_line AS k
    WHERE NOT EXISTS (SELECT 1
                      FROM sales.country AS c WITH (UPDLOCK, HOLDLOCK)
                      WHERE c.country_name = k.country)
    GROUP BY k.country
    ORDER BY MIN(k.line_number);

    -- A product takes the description of its latest line in this batch that
    -- has one (DISTINCT ON in PostgreSQL); a batch with none leaves it as it was.
    -- A known product takes the batch's only when no line loaded before is
    -- later (a file arriving out of date order leaves a newer description);
    -- checked only where the description would change, a few products a batch.
    -- One exception: a description holding U+FFFD (text already lost to a
    -- wrong decoding before the file reached us) is the last choice in a batch
    -- and never replaces a description without one.
    -- An UPDATE of the known products, then an INSERT of the new ones under the
    -- same existence-check locks as above: what MERGE would do, without MERGE's
    -- history of wrong-result and concurrency bugs (and Babelfish runs it).
    SELECT stock_code, description, invoice_date
    INTO #latest_product
    FROM (SELECT stock_code, description, invoice_date,
                 ROW_NUMBER() OVER (
                     PARTITION BY stock_code
                     ORDER BY CASE WHEN description IS NULL THEN 1 ELSE 0 END,
                              CASE WHEN CHARINDEX(NCHAR(65533), description) > 0 THEN 1 ELSE 0 END,
                              invoice_date DESC, line_number DESC) AS rank_in_code
          FROM #kept_line) AS ranked
    WHERE rank_in_code = 1;

    UPDATE p
    SET p.description = l.description
    FROM sales.product AS p
    INNER JOIN #latest_product AS l ON l.stock_code = p.stock_code
    WHERE l.description IS NOT NULL
      AND (p.description IS NULL
           OR p.description COLLATE Latin1_General_100_BIN2 <> l.description COLLATE Latin1_General_100_BIN2)
      AND NOT EXISTS (SELECT 1
                      FROM sales.invoice_line AS x
                      INNER JOIN sales.invoice AS i ON i.invoice_no = x.invoice_no
                      WHERE x.stock_code = l.stock_code AND i.invoice_date > l.invoice_date)
      AND NOT EXISTS (SELECT 1
                      FROM sales.cancellation_line AS x
                      INNER JOIN sales.invoice AS i ON i.invoice_no = x.invoice_no
                      WHERE x.stock_code = l.stock_code AND i.invoice_date > l.invoice_date)
      AND NOT (CHARINDEX(NCHAR(65533), l.description) > 0
               AND p.description IS NOT NULL AND CHARINDEX(NCHAR(65533), p.description) = 0);

    INSERT INTO sales.product (stock_code, description)
    SELECT l.stock_code, l.description
    FROM #latest_product AS l
    WHERE NOT EXISTS (SELECT 1
                      FROM sales.product AS p WITH (UPDLOCK, HOLDLOCK)
                      WHERE p.stock_code = l.stock_code);

    -- New customers get the country of their latest line here; the update
    -- after the invoices settles it against all their invoices.
    WITH latest AS (
        SELECT k.customer_id, c.country_id,
               ROW_NUMBER() OVER (
                   PARTITION BY k.customer_id
                   ORDER BY k.invoice_date DESC, k.line_number DESC) AS rank_in_customer
        FROM #kept_line AS k
        INNER JOIN sales.country AS c ON c.country_name = k.country
    )
    INSERT INTO sales.customer (customer_id, country_id)
    SELECT l.customer_id, l.country_id
    FROM latest AS l
    WHERE l.rank_in_customer = 1
      AND NOT EXISTS (SELECT 1
                      FROM sales.customer AS cu WITH (UPDLOCK, HOLDLOCK)
                      WHERE cu.customer_id = l.customer_id);

    -- An invoice whose lines are a minute apart is dated by its earliest line.
    -- MAX over the flag stands for PostgreSQL's BOOL_OR (bit has no MAX).
    INSERT INTO sales.invoice (invoice_no, customer_id, country_id, invoice_date, is_cancellation, batch_id)
    SELECT k.invoice, MIN(k.customer_id), MIN(c.country_id), MIN(k.invoice_date),
           MAX(CAST(k.is_cancellation AS tinyint)), @batch_id
    FROM #kept_line AS k
    INNER JOIN sales.country AS c ON c.country_name = k.country
    WHERE NOT EXISTS (SELECT 1
                      FROM sales.invoice AS i WITH (UPDLOCK, HOLDLOCK)
                      WHERE i.invoice_no = k.invoice)
    GROUP BY k.invoice;

    -- A customer's country is that of their latest invoice, whichever batch it came from.
    WITH latest AS (
        SELECT i.customer_id, i.country_id,
               ROW_NUMBER() OVER (
                   PARTITION BY i.customer_id
                   ORDER BY i.invoice_date DESC, i.invoice_no DESC) AS rank_in_customer
        FROM sales.invoice AS i
        WHERE i.customer_id IN (SELECT k.customer_id FROM #kept_line AS k)
    )
    UPDATE cu
    SET cu.country_id = l.country_id
    FROM sales.customer AS cu
    INNER JOIN latest AS l ON l.customer_id = cu.customer_id
    WHERE l.rank_in_customer = 1
      AND cu.country_id <> l.country_id;

    -- ORDER BY makes the identity values follow the source line order.
    INSERT INTO sales.invoice_line (invoice_no, stock_code, quantity, unit_price, batch_id, source_line_number)
    SELECT invoice, stock_code, quantity, price, @batch_id, line_number
    FROM #kept_line
    WHERE is_cancellation = 0
    ORDER BY line_number;

    INSERT INTO sales.cancellation_line (invoice_no, stock_code, quantity, unit_price, batch_id, source_line_number)
    SELECT invoice, stock_code, quantity, price, @batch_id, line_number
    FROM #kept_line
    WHERE is_cancellation = 1
    ORDER BY line_number;

    EXEC sales.match_returns @batch_id;

    UPDATE staging.load_batch
    SET status = 'cleaned', finished_at = SYSDATETIME()
    WHERE batch_id = @batch_id;
END;
GO
