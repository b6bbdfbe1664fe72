--liquibase formatted sql

-- Why a customer got their repurchase score: the three features that push it
-- most (reason_rank 1 = strongest), each with its tree SHAP contribution in
-- log-odds of buying (positive raises the chance, negative lowers it), from
-- the blend's boosted trees. Feature names as in docs/ml.md.
--changeset ecom:ml.repurchase_reason
CREATE TABLE ml.repurchase_reason (
    run_id       bigint           NOT NULL REFERENCES ml.model_run (run_id) ON DELETE CASCADE,
    customer_id  integer          NOT NULL,
    reason_rank  smallint         NOT NULL CONSTRAINT ck_repurchase_reason_rank CHECK (reason_rank BETWEEN 1 AND 3),
    feature      varchar(64)      NOT NULL,
    contribution double precision NOT NULL,
    PRIMARY KEY (run_id, customer_id, reason_rank)
);
--rollback DROP TABLE ml.repurchase_reason;
