--liquibase formatted sql

-- Where the customers of the current segmentation were in the previous one
-- (the succeeded segments run before it): customers per (from, to) pair of
-- segment names, for the Customer insights page. from_segment is NULL for a
-- customer the previous run did not segment (new since); customers the
-- current run no longer segments are not listed. Empty until two runs exist.
--changeset ecom:ml.segment_migration runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW ml.segment_migration
AS
WITH runs AS (
    SELECT run_id, ROW_NUMBER() OVER (ORDER BY run_id DESC) AS newest_first
    FROM ml.model_run
    WHERE model_kind = 'segments' AND status = 'succeeded'
),
previous_run AS (
    SELECT run_id FROM runs WHERE newest_first = 2
)
SELECT r.run_id AS previous_run_id, c.run_id AS current_run_id,
       p.segment_name AS from_segment, c.segment_name AS to_segment,
       COUNT(*) AS customers
FROM ml.current_customer_segment AS c
CROSS JOIN previous_run AS r
LEFT JOIN ml.customer_segment AS p ON p.run_id = r.run_id AND p.customer_id = c.customer_id
GROUP BY r.run_id, c.run_id, p.segment_name, c.segment_name;
GO
