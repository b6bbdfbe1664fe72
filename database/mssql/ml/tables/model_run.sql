--liquibase formatted sql

-- One row per model per sidecar run. A run is inserted as 'running' and
-- committed, so a crash leaves a trace; its rows and its status 'succeeded'
-- are then written in one transaction, or the status becomes 'failed' with
-- the error. Readers go through the ml.current_* views, which only see the
-- latest succeeded run of each kind. parameters_json and metrics_json are JSON
-- objects (the model's settings and its evaluation figures, baselines
-- included); input_fingerprint is a SHA-256 of the data the model read.
--changeset ecom:ml.model_run
CREATE TABLE ml.model_run (
    run_id            bigint IDENTITY(1, 1) NOT NULL,
    model_kind        varchar(20)    NOT NULL,
    status            varchar(10)    NOT NULL,
    as_of_date        date           NOT NULL,
    started_at        datetime2(3)   NOT NULL,
    finished_at       datetime2(3)   NULL,
    parameters_json   nvarchar(max)  NULL,
    metrics_json      nvarchar(max)  NULL,
    input_fingerprint varchar(64)    NOT NULL,
    error_message     nvarchar(1000) NULL,
    CONSTRAINT pk_model_run PRIMARY KEY CLUSTERED (run_id),
    CONSTRAINT ck_model_run_kind CHECK (model_kind IN ('segments', 'repurchase', 'recommendations', 'forecast')),
    CONSTRAINT ck_model_run_status CHECK (status IN ('running', 'succeeded', 'failed')),
    CONSTRAINT ck_model_run_parameters_json CHECK (ISJSON(parameters_json) = 1),
    CONSTRAINT ck_model_run_metrics_json CHECK (ISJSON(metrics_json) = 1),
    CONSTRAINT ck_model_run_finished CHECK ((status = 'running' AND finished_at IS NULL)
                                          OR (status <> 'running' AND finished_at IS NOT NULL))
);
CREATE INDEX ix_model_run_kind_status ON ml.model_run (model_kind, status, run_id);
--rollback DROP TABLE ml.model_run;
