--liquibase formatted sql

-- The segment of every customer in the latest succeeded segmentation run.
--changeset ecom:ml.current_customer_segment runOnChange:true
CREATE OR REPLACE VIEW ml.current_customer_segment AS
SELECT s.run_id, s.customer_id, s.segment_id, s.segment_name
FROM ml.customer_segment AS s
JOIN ml.current_model_run AS r ON r.run_id = s.run_id AND r.model_kind = 'segments';
