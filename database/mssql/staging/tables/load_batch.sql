--liquibase formatted sql

-- One row per loaded file. A load runs in a single transaction, so a batch is
-- either here complete (status 'cleaned') or not here at all.
--changeset ecom:staging.load_batch
CREATE TABLE staging.load_batch (
    batch_id      bigint IDENTITY(1, 1) NOT NULL,
    file_name     nvarchar(400) NOT NULL,
    file_sha256   char(64)      NOT NULL,
    file_format   varchar(10)   NOT NULL,
    rows_read     int           NOT NULL CONSTRAINT df_load_batch_rows_read DEFAULT (0),
    rows_loaded   int           NOT NULL CONSTRAINT df_load_batch_rows_loaded DEFAULT (0),
    rows_rejected int           NOT NULL CONSTRAINT df_load_batch_rows_rejected DEFAULT (0),
    started_at    datetime2(0)  NOT NULL,
    staged_at     datetime2(0)  NULL,
    finished_at   datetime2(0)  NULL,
    status        varchar(10)   NOT NULL CONSTRAINT df_load_batch_status DEFAULT ('staging'),
    CONSTRAINT pk_load_batch PRIMARY KEY CLUSTERED (batch_id),
    CONSTRAINT uq_load_batch_file_sha256 UNIQUE (file_sha256),
    CONSTRAINT ck_load_batch_file_format CHECK (file_format IN ('csv', 'csv.gz', 'xlsx')),
    CONSTRAINT ck_load_batch_status CHECK (status IN ('staging', 'staged', 'cleaned')),
    CONSTRAINT ck_load_batch_rows CHECK (rows_read = rows_loaded + rows_rejected)
);
--rollback DROP TABLE staging.load_batch;
