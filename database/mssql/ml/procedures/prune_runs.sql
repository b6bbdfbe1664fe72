--liquibase formatted sql

-- Keeps the newest @keep_runs runs of each model kind (whatever their status)
-- and always the current one; older runs go with their rows (ON DELETE
-- CASCADE). Called by the sidecar after each run.
--changeset ecom:ml.prune_runs runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER PROCEDURE ml.prune_runs
    @keep_runs int
AS
BEGIN
    SET NOCOUNT, XACT_ABORT ON;

    IF @keep_runs IS NULL OR @keep_runs < 1
        THROW 50002, N'ml.prune_runs: @keep_runs must be 1 or more', 1;

    WITH ordered AS (
        SELECT run_id, ROW_NUMBER() OVER (PARTITION BY model_kind ORDER BY run_id DESC) AS newest_first
        FROM ml.model_run
    )
    DELETE r
    FROM ml.model_run AS r
    INNER JOIN ordered AS o ON o.run_id = r.run_id
    WHERE o.newest_first > @keep_runs
      AND r.run_id NOT IN (SELECT run_id FROM ml.current_model_run);
END;
GO
