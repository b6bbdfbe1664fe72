--liquibase formatted sql

-- Business question: which assumptions turn a customer's history into the
-- predictive CLV of kpi.customer_lifetime_value? One row:
--   margin: the share of revenue kept as gross profit (0.25 = 25 %);
--   horizon_years: how many more years a customer is expected to stay.
-- Views take no parameter, so the assumptions live here, versioned with the
-- code: to change them, edit the two numbers in this file (both dialects)
-- and deploy; every report then uses the new values.
--changeset ecom:kpi.clv_assumptions runOnChange:true
CREATE OR REPLACE VIEW kpi.clv_assumptions AS
SELECT CAST(0.25 AS numeric(5,4)) AS margin,
       CAST(3 AS numeric(5,2))    AS horizon_years;
