--liquibase formatted sql

-- The revenue forecast of the latest succeeded forecast run.
--changeset ecom:ml.current_revenue_forecast runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW ml.current_revenue_forecast
AS
SELECT s.run_id, s.month_start, s.forecast, s.lo95, s.hi95
FROM ml.revenue_forecast AS s
INNER JOIN ml.current_model_run AS r ON r.run_id = s.run_id AND r.model_kind = 'forecast';
GO
