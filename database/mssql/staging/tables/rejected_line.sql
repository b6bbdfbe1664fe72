--liquibase formatted sql

-- Source rows that could not be read as a sales line (wrong field count, a
-- quantity that is not a whole number, an unreadable date...), kept verbatim.
--changeset ecom:staging.rejected_line
CREATE TABLE staging.rejected_line (
    batch_id    bigint         NOT NULL,
    line_number int            NOT NULL,
    raw_text    nvarchar(max)  NOT NULL,
    reason      nvarchar(400)  NOT NULL,
    CONSTRAINT pk_rejected_line PRIMARY KEY CLUSTERED (batch_id, line_number),
    CONSTRAINT fk_rejected_line_load_batch FOREIGN KEY (batch_id)
        REFERENCES staging.load_batch (batch_id)
);
--rollback DROP TABLE staging.rejected_line;
