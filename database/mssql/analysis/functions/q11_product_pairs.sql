--liquibase formatted sql

-- Q11. Business question: which products are bought together?
-- Pairs of products found in the same invoices with support >= @min_support
-- (0..1: share of invoices holding both; e.g. 0.01 = 1%), ranked by lift
-- (lift_rank 1 = highest; ties share a rank). Read a row as: of the invoices
-- holding a, confidence_a_to_b also hold b; lift = how many times more often
-- they go together than if bought independently (> 1: together more than
-- chance). From mart.product_pair, which only keeps invoices of at most 100
-- products, products in >= 1% of them and pairs in >= 0.1% (and >= 2
-- invoices): a pair missing here may just be rare. Descriptions from
-- mart.product_summary. Pairs with a non-product (postage, manual, fees...:
-- sales.product_class) are left out: POST goes with everything.
--changeset ecom:analysis.q11_product_pairs runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER FUNCTION analysis.q11_product_pairs (@min_support decimal(9, 6))
RETURNS TABLE
AS
RETURN
SELECT RANK() OVER (ORDER BY p.lift DESC) AS lift_rank,
       p.stock_code_a,
       a.description AS description_a,
       p.stock_code_b,
       b.description AS description_b,
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
WHERE p.support >= @min_support
  AND NOT EXISTS (SELECT 1
                  FROM sales.product_class AS k
                  WHERE k.stock_code IN (p.stock_code_a, p.stock_code_b)
                    AND k.is_product = 0);
GO
