--liquibase formatted sql

-- The campaign profit curve of the latest succeeded repurchase run, for the
-- report's campaign visual: profit, contacts, precision and recall by
-- threshold, the chosen (most profitable) threshold flagged.
--changeset ecom:ml.current_repurchase_profit_curve runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW ml.current_repurchase_profit_curve
AS
SELECT c.run_id, c.threshold, c.precision_rate, c.recall_rate, c.contacted_customers, c.expected_profit, c.is_chosen
FROM ml.repurchase_profit_curve AS c
INNER JOIN ml.current_model_run AS r ON r.run_id = c.run_id AND r.model_kind = 'repurchase';
GO
