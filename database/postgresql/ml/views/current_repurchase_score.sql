--liquibase formatted sql

-- The repurchase probability of every customer in the latest succeeded run.
--changeset ecom:ml.current_repurchase_score runOnChange:true
CREATE OR REPLACE VIEW ml.current_repurchase_score AS
SELECT s.run_id, s.customer_id, s.probability, s.decile
FROM ml.repurchase_score AS s
JOIN ml.current_model_run AS r ON r.run_id = s.run_id AND r.model_kind = 'repurchase';
