--liquibase formatted sql

-- The repurchase probability of every customer in the latest succeeded run,
-- and whether the run's campaign threshold (the most profitable one,
-- ml.repurchase_profit_curve) puts them in the retention campaign. A run
-- without a curve (written before it existed) puts nobody in it.
--changeset ecom:ml.current_repurchase_score runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW ml.current_repurchase_score
AS
SELECT s.run_id, s.customer_id, s.probability, s.decile,
       CAST(CASE WHEN s.probability >= c.threshold THEN 1 ELSE 0 END AS bit) AS in_campaign
FROM ml.repurchase_score AS s
INNER JOIN ml.current_model_run AS r ON r.run_id = s.run_id AND r.model_kind = 'repurchase'
LEFT JOIN ml.repurchase_profit_curve AS c ON c.run_id = s.run_id AND c.is_chosen = 1;
GO
