--liquibase formatted sql

-- The staged rows that are exact duplicates of an earlier row (same eight
-- source fields, earlier in the same batch or in an earlier batch), recorded
-- once per batch by staging.record_duplicates: the only rule that compares a
-- row with others, so governance and cleaning read it here instead of
-- working it out again (34k rows for the real file).
--changeset ecom:staging.duplicate_line
CREATE TABLE staging.duplicate_line (
    batch_id    bigint NOT NULL,
    line_number int    NOT NULL,
    CONSTRAINT pk_duplicate_line PRIMARY KEY CLUSTERED (batch_id, line_number),
    CONSTRAINT fk_duplicate_line_load_batch FOREIGN KEY (batch_id)
        REFERENCES staging.load_batch (batch_id)
);
--rollback DROP TABLE staging.duplicate_line;
