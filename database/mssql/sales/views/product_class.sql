--liquibase formatted sql

-- Every product with its class: is_product is 0 when a rule of
-- sales.non_product_rule matches its stock code, and product_category is then
-- the rule's category ('product' otherwise). An exact rule wins over a
-- prefix, a longer prefix over a shorter one. The one product rule of the
-- rankings, basket pairs, recommendations and Power BI.
--changeset ecom:sales.product_class runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW sales.product_class
AS
SELECT p.stock_code,
       CAST(CASE WHEN r.pattern IS NULL THEN 1 ELSE 0 END AS bit) AS is_product,
       CAST(COALESCE(r.product_category, 'product') AS varchar(20)) AS product_category
FROM sales.product AS p
OUTER APPLY (
    SELECT TOP (1) n.pattern, n.product_category
    FROM sales.non_product_rule AS n
    WHERE (n.match_kind = 'exact' AND n.pattern = p.stock_code)
       OR (n.match_kind = 'prefix' AND LEFT(p.stock_code, LEN(n.pattern)) = n.pattern)
    ORDER BY CASE n.match_kind WHEN 'exact' THEN 0 ELSE 1 END, LEN(n.pattern) DESC
) AS r;
GO
