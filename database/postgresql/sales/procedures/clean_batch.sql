--liquibase formatted sql

-- Moves one staged batch into the sales model, set-based: the clean lines
-- into sales.invoice_line, the cancellation lines that have a customer into
-- sales.cancellation_line, and the countries, products, customers and
-- invoices they need, then matches the returns to their sales
-- (sales.match_returns). The rules come from staging.classify_batch.
--changeset ecom:sales.clean_batch runOnChange:true splitStatements:false
CREATE OR REPLACE PROCEDURE sales.clean_batch(p_batch_id bigint)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- Classify once: every later step reads the kept rows of this batch.
    DROP TABLE IF EXISTS pg_temp.kept_line;
    CREATE TEMPORARY TABLE kept_line ON COMMIT DROP AS
    SELECT line_number, invoice, stock_code, description, quantity, invoice_date, price,
           customer_id, country, is_cancellation
    FROM staging.classify_batch(p_batch_id)
    WHERE (is_clean OR (is_cancellation AND NOT is_missing_customer AND NOT is_duplicate));
    ANALYZE kept_line;

    -- A new country's id follows its first line, the same on every engine: only
    -- new names draw an id (ON CONFLICT alone would use one up for every name).
    INSERT INTO sales.country (country_name)
    SELECT k.country
    FROM kept_line AS k
    WHERE NOT EXISTS (SELECT 1 FROM sales.country AS c WHERE c.country_name = k.country)
    GROUP BY k.country
    ORDER BY MIN(k.line_number)
    ON CONFLICT (country_name) DO NOTHING;

    -- A product takes the description of its latest line that has one. A
    -- known product takes the batch's only when no line loaded before is
    -- later (a file arriving out of date order leaves a newer description);
    -- checked only where the description would change, a few products a batch.
    -- A description holding U+FFFD (text already lost to a wrong decoding
    -- before the file reached us) is the last choice in a batch and never
    -- replaces a description without one.
    DROP TABLE IF EXISTS pg_temp.latest_product;
    CREATE TEMPORARY TABLE latest_product ON COMMIT DROP AS
    SELECT DISTINCT ON (stock_code) stock_code, description, invoice_date
    FROM kept_line
    ORDER BY stock_code, description IS NULL, strpos(description, U&'\FFFD') > 0, invoice_date DESC, line_number DESC;

    -- The few changes first, counted: checked against the whole history in
    -- one hash join, they once cost seconds a batch; looked up one product at a
    -- time (ix_invoice_line_product) they cost milliseconds.
    DROP TABLE IF EXISTS pg_temp.description_change;
    CREATE TEMPORARY TABLE description_change ON COMMIT DROP AS
    SELECT l.stock_code, l.description, l.invoice_date
    FROM latest_product AS l
    JOIN sales.product AS p ON p.stock_code = l.stock_code
    WHERE l.description IS NOT NULL
      AND l.description IS DISTINCT FROM p.description
      AND NOT (strpos(l.description, U&'\FFFD') > 0 AND COALESCE(strpos(p.description, U&'\FFFD'), 1) = 0);
    ANALYZE description_change;

    UPDATE sales.product AS p
    SET description = l.description
    FROM description_change AS l
    WHERE p.stock_code = l.stock_code
      AND NOT EXISTS (SELECT 1 FROM sales.invoice_line AS x JOIN sales.invoice AS i ON i.invoice_no = x.invoice_no
                      WHERE x.stock_code = l.stock_code AND i.invoice_date > l.invoice_date)
      AND NOT EXISTS (SELECT 1 FROM sales.cancellation_line AS x JOIN sales.invoice AS i ON i.invoice_no = x.invoice_no
                      WHERE x.stock_code = l.stock_code AND i.invoice_date > l.invoice_date);

    INSERT INTO sales.product (stock_code, description)
    SELECT stock_code, description
    FROM latest_product
    ON CONFLICT (stock_code) DO NOTHING;

    -- One row per invoice of the batch; an invoice whose lines are a minute
    -- apart is dated by its earliest line.
    DROP TABLE IF EXISTS pg_temp.kept_invoice;
    CREATE TEMPORARY TABLE kept_invoice ON COMMIT DROP AS
    SELECT k.invoice, MIN(k.customer_id) AS customer_id, MIN(c.country_id) AS country_id,
           MIN(k.invoice_date) AS invoice_date, BOOL_OR(k.is_cancellation) AS is_cancellation
    FROM kept_line AS k
    JOIN sales.country AS c ON c.country_name = k.country
    GROUP BY k.invoice;

    -- New customers get the country of their latest invoice here; the update
    -- below settles it against all their invoices.
    INSERT INTO sales.customer (customer_id, country_id)
    SELECT DISTINCT ON (customer_id) customer_id, country_id
    FROM kept_invoice
    ORDER BY customer_id, invoice_date DESC, invoice DESC
    ON CONFLICT (customer_id) DO NOTHING;

    INSERT INTO sales.invoice (invoice_no, customer_id, country_id, invoice_date, is_cancellation, batch_id)
    SELECT invoice, customer_id, country_id, invoice_date, is_cancellation, p_batch_id
    FROM kept_invoice
    ON CONFLICT (invoice_no) DO NOTHING;

    -- A customer's country is that of their latest invoice, whichever batch it came from.
    UPDATE sales.customer AS cu
    SET country_id = latest.country_id
    FROM (
        SELECT DISTINCT ON (i.customer_id) i.customer_id, i.country_id
        FROM sales.invoice AS i
        WHERE i.customer_id IN (SELECT customer_id FROM kept_invoice)
        ORDER BY i.customer_id, i.invoice_date DESC, i.invoice_no DESC
    ) AS latest
    WHERE cu.customer_id = latest.customer_id
      AND cu.country_id <> latest.country_id;

    INSERT INTO sales.invoice_line (invoice_no, stock_code, quantity, unit_price, batch_id, source_line_number)
    SELECT invoice, stock_code, quantity, price, p_batch_id, line_number
    FROM kept_line
    WHERE NOT is_cancellation
    ORDER BY line_number;

    INSERT INTO sales.cancellation_line (invoice_no, stock_code, quantity, unit_price, batch_id, source_line_number)
    SELECT invoice, stock_code, quantity, price, p_batch_id, line_number
    FROM kept_line
    WHERE is_cancellation
    ORDER BY line_number;

    CALL sales.match_returns(p_batch_id);

    UPDATE staging.load_batch
    SET status = 'cleaned', finished_at = LOCALTIMESTAMP
    WHERE batch_id = p_batch_id;
END;
$$;
