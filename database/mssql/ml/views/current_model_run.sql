--liquibase formatted sql

-- The latest succeeded run of each model kind: what every ml.current_* view
-- reads. A running or failed run is never current, so readers keep seeing the
-- previous scores until a new run has committed all of its rows.
--changeset ecom:ml.current_model_run runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW ml.current_model_run
AS
SELECT r.run_id, r.model_kind, r.as_of_date, r.started_at, r.finished_at,
       r.parameters_json, r.metrics_json, r.input_fingerprint
FROM ml.model_run AS r
WHERE r.run_id = (SELECT MAX(s.run_id)
                  FROM ml.model_run AS s
                  WHERE s.model_kind = r.model_kind AND s.status = 'succeeded');
GO
