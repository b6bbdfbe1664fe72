--liquibase formatted sql

-- Monthly revenue forecast three months ahead with its 95 % prediction
-- interval [lo95, hi95].
--changeset ecom:ml.revenue_forecast
CREATE TABLE ml.revenue_forecast (
    run_id      bigint        NOT NULL REFERENCES ml.model_run (run_id) ON DELETE CASCADE,
    month_start date          NOT NULL,
    forecast    numeric(18,2) NOT NULL,
    lo95        numeric(18,2) NOT NULL,
    hi95        numeric(18,2) NOT NULL,
    PRIMARY KEY (run_id, month_start),
    CONSTRAINT ck_revenue_forecast_interval CHECK (lo95 <= forecast AND forecast <= hi95)
);
--rollback DROP TABLE ml.revenue_forecast;
