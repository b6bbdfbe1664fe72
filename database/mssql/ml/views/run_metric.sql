--liquibase formatted sql

-- Every numeric figure at the top level of a succeeded run's metrics_json, one
-- row each: how good the kept runs were, run after run (the report's model
-- quality page). Nested figures (curves, per-model tables) stay in the JSON.
-- OPENJSON type 2 is a JSON number.
--changeset ecom:ml.run_metric runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW ml.run_metric
AS
SELECT r.run_id, r.model_kind, r.as_of_date, r.finished_at,
       CAST(m.[key] AS varchar(100)) AS metric_name,
       CAST(m.[value] AS float) AS metric_value
FROM ml.model_run AS r
CROSS APPLY OPENJSON(r.metrics_json) AS m
WHERE r.status = 'succeeded'
  AND m.[type] = 2;
GO
