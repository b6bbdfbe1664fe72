--liquibase formatted sql

-- Every numeric figure at the top level of a succeeded run's metrics_json, one
-- row each: how good the kept runs were, run after run (the report's model
-- quality page). Nested figures (curves, per-model tables) stay in the JSON.
--changeset ecom:ml.run_metric runOnChange:true
CREATE OR REPLACE VIEW ml.run_metric AS
SELECT r.run_id, r.model_kind, r.as_of_date, r.finished_at,
       CAST(m.key AS varchar(100)) AS metric_name,
       CAST(m.value #>> '{}' AS double precision) AS metric_value
FROM ml.model_run AS r
CROSS JOIN LATERAL jsonb_each(CAST(r.metrics_json AS jsonb)) AS m
WHERE r.status = 'succeeded'
  AND jsonb_typeof(m.value) = 'number';
