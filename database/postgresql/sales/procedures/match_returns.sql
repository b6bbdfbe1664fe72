--liquibase formatted sql

-- Matches cancellation lines to the sales they reverse, for the (customer,
-- product) pairs a batch touched, set-based. The rule, worked out again whole
-- for each such pair so that the order batches arrive in does not matter:
--   1. a cancellation line reverses a sale line of the same customer and
--      product dated at or before it: one of the same quantity if there is
--      one, the latest such; otherwise the latest;
--   2. a sale line gives back at most its quantity: cancellation lines
--      matched to it take it in their date order, and what exceeds it stays
--      unmatched (partial match);
--   3. what reverses no sale (none earlier in the data) stays unmatched.
-- The sale line's returned_quantity is the sum matched to it: its net_revenue
-- is at its own price, so gross - matched returns = net to the cent. A line
-- whose returned_quantity changes gets returns_batch_id = this batch.
--changeset ecom:sales.match_returns runOnChange:true splitStatements:false
CREATE OR REPLACE PROCEDURE sales.match_returns(p_batch_id bigint)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DROP TABLE IF EXISTS pg_temp.return_key, pg_temp.return_sale, pg_temp.return_cancel, pg_temp.return_match;
    CREATE TEMPORARY TABLE return_key ON COMMIT DROP AS
    SELECT i.customer_id, l.stock_code
    FROM (SELECT invoice_no, stock_code FROM sales.invoice_line WHERE batch_id = p_batch_id
          UNION ALL
          SELECT invoice_no, stock_code FROM sales.cancellation_line WHERE batch_id = p_batch_id) AS l
    JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no
    INTERSECT
    SELECT i.customer_id, c.stock_code
    FROM sales.cancellation_line AS c
    JOIN sales.invoice AS i ON i.invoice_no = c.invoice_no;

    CREATE TEMPORARY TABLE return_sale ON COMMIT DROP AS
    SELECT l.invoice_line_id, k.customer_id, l.stock_code, l.quantity, i.invoice_date
    FROM return_key AS k
    JOIN sales.invoice AS i ON i.customer_id = k.customer_id
    JOIN sales.invoice_line AS l ON l.invoice_no = i.invoice_no AND l.stock_code = k.stock_code;

    CREATE TEMPORARY TABLE return_cancel ON COMMIT DROP AS
    SELECT c.cancellation_line_id, k.customer_id, c.stock_code, -c.quantity AS cancelled_quantity, i.invoice_date
    FROM return_key AS k
    JOIN sales.invoice AS i ON i.customer_id = k.customer_id
    JOIN sales.cancellation_line AS c ON c.invoice_no = i.invoice_no AND c.stock_code = k.stock_code
    WHERE c.quantity < 0;

    -- Rule 1, then rule 2: the units a sale line has left once the earlier
    -- cancellation lines matched to it took theirs.
    CREATE TEMPORARY TABLE return_match ON COMMIT DROP AS
    SELECT cancellation_line_id, invoice_line_id,
           LEAST(cancelled_quantity, GREATEST(0, sold_quantity - COALESCE(SUM(cancelled_quantity) OVER (
               PARTITION BY invoice_line_id ORDER BY cancelled_at, cancellation_line_id
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))) AS matched_quantity
    FROM (SELECT c.cancellation_line_id, s.invoice_line_id, c.cancelled_quantity, s.quantity AS sold_quantity,
                 c.invoice_date AS cancelled_at,
                 ROW_NUMBER() OVER (
                     PARTITION BY c.cancellation_line_id
                     ORDER BY CASE WHEN s.quantity = c.cancelled_quantity THEN 0 ELSE 1 END,
                              s.invoice_date DESC, s.invoice_line_id DESC) AS choice
          FROM return_cancel AS c
          JOIN return_sale AS s
            ON s.customer_id = c.customer_id AND s.stock_code = c.stock_code AND s.invoice_date <= c.invoice_date
         ) AS ranked
    WHERE choice = 1;

    UPDATE sales.cancellation_line AS c
    SET matched_invoice_line_id = n.invoice_line_id, matched_quantity = n.matched_quantity
    FROM (SELECT rc.cancellation_line_id,
                 CASE WHEN m.matched_quantity > 0 THEN m.invoice_line_id END AS invoice_line_id,
                 COALESCE(m.matched_quantity, 0) AS matched_quantity
          FROM return_cancel AS rc
          LEFT JOIN return_match AS m ON m.cancellation_line_id = rc.cancellation_line_id) AS n
    WHERE c.cancellation_line_id = n.cancellation_line_id
      AND (c.matched_invoice_line_id IS DISTINCT FROM n.invoice_line_id OR c.matched_quantity <> n.matched_quantity);

    UPDATE sales.invoice_line AS l
    SET returned_quantity = n.returned_quantity, returns_batch_id = p_batch_id
    FROM (SELECT s.invoice_line_id, COALESCE(SUM(m.matched_quantity), 0) AS returned_quantity
          FROM return_sale AS s
          LEFT JOIN return_match AS m ON m.invoice_line_id = s.invoice_line_id
          GROUP BY s.invoice_line_id) AS n
    WHERE l.invoice_line_id = n.invoice_line_id
      AND l.returned_quantity <> n.returned_quantity;
END;
$$;
