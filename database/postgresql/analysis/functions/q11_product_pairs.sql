--liquibase formatted sql

-- Q11. Business question: which products are bought together?
-- Pairs of products found in the same invoices with support >= p_min_support
-- (0..1: share of invoices holding both; e.g. 0.01 = 1%), ranked by lift
-- (lift_rank 1 = highest; ties share a rank). Read a row as: of the invoices
-- holding a, confidence_a_to_b also hold b; lift = how many times more often
-- they go together than if bought independently (> 1: together more than
-- chance). From mart.product_pair, which only keeps invoices of at most 100
-- products, products in >= 1% of them and pairs in >= 0.1% (and >= 2
-- invoices): a pair missing here may just be rare. Descriptions from
-- mart.product_summary. Pairs with a non-product (postage, manual, fees...:
-- sales.product_class) are left out: POST goes with everything.
-- SECURITY DEFINER: see analysis.q01_total_sales.
--changeset ecom:analysis.q11_product_pairs runOnChange:true splitStatements:false
CREATE OR REPLACE FUNCTION analysis.q11_product_pairs(p_min_support numeric)
RETURNS TABLE (lift_rank bigint, stock_code_a varchar(20), description_a varchar(200),
               stock_code_b varchar(20), description_b varchar(200), invoices_together integer,
               invoices_a integer, invoices_b integer, support numeric(9,6),
               confidence_a_to_b numeric(9,6), confidence_b_to_a numeric(9,6), lift numeric(12,4))
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
SELECT RANK() OVER (ORDER BY p.lift DESC),
       p.stock_code_a,
       a.description,
       p.stock_code_b,
       b.description,
       p.invoices_together,
       p.invoices_a,
       p.invoices_b,
       p.support,
       p.confidence_a_to_b,
       p.confidence_b_to_a,
       p.lift
FROM mart.product_pair AS p
LEFT JOIN mart.product_summary AS a ON a.stock_code = p.stock_code_a
LEFT JOIN mart.product_summary AS b ON b.stock_code = p.stock_code_b
WHERE p.support >= p_min_support
  AND NOT EXISTS (SELECT 1
                  FROM sales.product_class AS k
                  WHERE k.stock_code IN (p.stock_code_a, p.stock_code_b)
                    AND NOT k.is_product);
$$;
