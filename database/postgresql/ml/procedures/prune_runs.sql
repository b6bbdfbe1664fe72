--liquibase formatted sql

-- Keeps the newest keep_runs runs of each model kind (whatever their status)
-- and always the current one; older runs go with their rows (ON DELETE
-- CASCADE). Called by the sidecar after each run.
--changeset ecom:ml.prune_runs runOnChange:true splitStatements:false
CREATE OR REPLACE PROCEDURE ml.prune_runs(keep_runs integer)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF keep_runs IS NULL OR keep_runs < 1 THEN
        RAISE EXCEPTION 'ml.prune_runs: keep_runs must be 1 or more, not %', keep_runs;
    END IF;
    DELETE FROM ml.model_run AS r
    USING (SELECT run_id, ROW_NUMBER() OVER (PARTITION BY model_kind ORDER BY run_id DESC) AS newest_first
           FROM ml.model_run) AS o
    WHERE o.run_id = r.run_id
      AND o.newest_first > keep_runs
      AND r.run_id NOT IN (SELECT run_id FROM ml.current_model_run);
END;
$$;
