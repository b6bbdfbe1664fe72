--liquibase formatted sql

-- The batches whose clean lines quality.measure_count holds, per measure: an
-- incremental detection counts the batches not listed here and lists them.
--changeset ecom:quality.measure_count_batch
CREATE TABLE quality.measure_count_batch (
    measure  varchar(10) NOT NULL,
    batch_id bigint      NOT NULL,
    CONSTRAINT pk_measure_count_batch PRIMARY KEY (measure, batch_id)
);
--rollback DROP TABLE quality.measure_count_batch;
