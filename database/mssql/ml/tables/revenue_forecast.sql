--liquibase formatted sql

-- Monthly revenue forecast three months ahead with its 95 % prediction
-- interval [lo95, hi95].
--changeset ecom:ml.revenue_forecast
CREATE TABLE ml.revenue_forecast (
    run_id      bigint         NOT NULL,
    month_start date           NOT NULL,
    forecast    decimal(18, 2) NOT NULL,
    lo95        decimal(18, 2) NOT NULL,
    hi95        decimal(18, 2) NOT NULL,
    CONSTRAINT pk_revenue_forecast PRIMARY KEY CLUSTERED (run_id, month_start),
    CONSTRAINT fk_revenue_forecast_run FOREIGN KEY (run_id)
        REFERENCES ml.model_run (run_id) ON DELETE CASCADE,
    CONSTRAINT ck_revenue_forecast_interval CHECK (lo95 <= forecast AND forecast <= hi95)
);
--rollback DROP TABLE ml.revenue_forecast;
