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
    run_id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_kind        varchar(20)   NOT NULL
        CONSTRAINT ck_model_run_kind CHECK (model_kind IN ('segments', 'repurchase', 'recommendations', 'forecast')),
    status            varchar(10)   NOT NULL
        CONSTRAINT ck_model_run_status CHECK (status IN ('running', 'succeeded', 'failed')),
    as_of_date        date          NOT NULL,
    started_at        timestamp     NOT NULL,
    finished_at       timestamp     NULL,
    parameters_json   text          NULL CONSTRAINT ck_model_run_parameters_json CHECK (parameters_json IS NULL OR CAST(parameters_json AS jsonb) IS NOT NULL),
    metrics_json      text          NULL CONSTRAINT ck_model_run_metrics_json CHECK (metrics_json IS NULL OR CAST(metrics_json AS jsonb) IS NOT NULL),
    input_fingerprint varchar(64)   NOT NULL,
    error_message     varchar(1000) NULL,
    CONSTRAINT ck_model_run_finished CHECK ((status = 'running') = (finished_at IS NULL))
);
CREATE INDEX ix_model_run_kind_status ON ml.model_run (model_kind, status, run_id);
--rollback DROP TABLE ml.model_run;
