--liquibase formatted sql

-- The trained model of a run, stored with it so that a reader on another
-- machine (./ecom serve) scores with exactly the model that wrote the run's
-- rows. Written by the sidecar in the run's transaction: a succeeded run has
-- its artefact, a failed one none. artefact_format says how to read
-- artefact_bytes ('java-serialization': a Java object stream of the model,
-- read back through a class filter); artefact_sha256 is the SHA-256 of the
-- bytes, in lower-case hex, checked before reading.
--changeset ecom:ml.model_artefact
CREATE TABLE ml.model_artefact (
    run_id          bigint      NOT NULL PRIMARY KEY REFERENCES ml.model_run (run_id) ON DELETE CASCADE,
    model_kind      varchar(20) NOT NULL
        CONSTRAINT ck_model_artefact_kind CHECK (model_kind IN ('segments', 'repurchase', 'recommendations', 'forecast')),
    artefact_format varchar(40) NOT NULL,
    artefact_bytes  bytea       NOT NULL,
    artefact_sha256 varchar(64) NOT NULL
);
--rollback DROP TABLE ml.model_artefact;
