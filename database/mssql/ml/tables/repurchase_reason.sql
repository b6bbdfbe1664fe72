--liquibase formatted sql

-- Why a customer got their repurchase score: the three features that push it
-- most (reason_rank 1 = strongest), each with its tree SHAP contribution in
-- log-odds of buying (positive raises the chance, negative lowers it), from
-- the blend's boosted trees. Feature names as in docs/ml.md.
--changeset ecom:ml.repurchase_reason splitStatements:true endDelimiter:GO stripComments:false
CREATE TABLE ml.repurchase_reason (
    run_id       bigint      NOT NULL,
    customer_id  int         NOT NULL,
    reason_rank  smallint    NOT NULL,
    feature      varchar(64) NOT NULL,
    contribution float       NOT NULL,
    CONSTRAINT pk_repurchase_reason PRIMARY KEY CLUSTERED (run_id, customer_id, reason_rank),
    CONSTRAINT fk_repurchase_reason_run FOREIGN KEY (run_id)
        REFERENCES ml.model_run (run_id) ON DELETE CASCADE,
    CONSTRAINT ck_repurchase_reason_rank CHECK (reason_rank BETWEEN 1 AND 3)
);
GO
--rollback DROP TABLE ml.repurchase_reason;
