--liquibase formatted sql

-- One row per loaded file. A load runs in a single transaction, so a batch is
-- either here complete (status 'cleaned') or not here at all.
--changeset ecom:staging.load_batch
CREATE TABLE staging.load_batch (
    batch_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name     varchar(400) NOT NULL,
    file_sha256   char(64)     NOT NULL,
    file_format   varchar(10)  NOT NULL CHECK (file_format IN ('csv', 'csv.gz', 'xlsx')),
    rows_read     integer      NOT NULL DEFAULT 0,
    rows_loaded   integer      NOT NULL DEFAULT 0,
    rows_rejected integer      NOT NULL DEFAULT 0,
    started_at    timestamp    NOT NULL,
    staged_at     timestamp    NULL,
    finished_at   timestamp    NULL,
    status        varchar(10)  NOT NULL DEFAULT 'staging' CHECK (status IN ('staging', 'staged', 'cleaned')),
    CONSTRAINT uq_load_batch_file_sha256 UNIQUE (file_sha256),
    CONSTRAINT ck_load_batch_rows CHECK (rows_read = rows_loaded + rows_rejected)
);
--rollback DROP TABLE staging.load_batch;
