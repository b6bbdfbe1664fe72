--liquibase formatted sql

-- The ten recommendations of every customer in the latest succeeded run,
-- with the product's description for the report.
--changeset ecom:ml.current_product_recommendation runOnChange:true
CREATE OR REPLACE VIEW ml.current_product_recommendation AS
SELECT s.run_id, s.customer_id, s.recommendation_rank, s.stock_code, p.description, s.score
FROM ml.product_recommendation AS s
JOIN ml.current_model_run AS r ON r.run_id = s.run_id AND r.model_kind = 'recommendations'
LEFT JOIN sales.product AS p ON p.stock_code = s.stock_code;
