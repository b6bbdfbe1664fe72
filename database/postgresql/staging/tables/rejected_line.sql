--liquibase formatted sql

-- Source rows that could not be read as a sales line (wrong field count, a
-- quantity that is not a whole number, an unreadable date...), kept verbatim.
--changeset ecom:staging.rejected_line
CREATE TABLE staging.rejected_line (
    batch_id    bigint       NOT NULL REFERENCES staging.load_batch (batch_id),
    line_number integer      NOT NULL,
    raw_text    text         NOT NULL,
    reason      varchar(400) NOT NULL,
    CONSTRAINT pk_rejected_line PRIMARY KEY (batch_id, line_number)
);
--rollback DROP TABLE staging.rejected_line;
