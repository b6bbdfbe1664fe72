--liquibase formatted sql

-- The reasons (three strongest features) behind every score of the latest
-- succeeded repurchase run.
--changeset ecom:ml.current_repurchase_reason runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW ml.current_repurchase_reason
AS
SELECT x.run_id, x.customer_id, x.reason_rank, x.feature, x.contribution
FROM ml.repurchase_reason AS x
INNER JOIN ml.current_model_run AS r ON r.run_id = x.run_id AND r.model_kind = 'repurchase';
GO
