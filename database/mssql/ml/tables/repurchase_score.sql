--liquibase formatted sql

-- The probability that a customer buys again within 90 days of the run's
-- as-of date, and its decile among all scored customers (10 = most likely).
--changeset ecom:ml.repurchase_score
CREATE TABLE ml.repurchase_score (
    run_id      bigint NOT NULL,
    customer_id int    NOT NULL,
    probability float  NOT NULL,
    decile      int    NOT NULL,
    CONSTRAINT pk_repurchase_score PRIMARY KEY CLUSTERED (run_id, customer_id),
    CONSTRAINT fk_repurchase_score_run FOREIGN KEY (run_id)
        REFERENCES ml.model_run (run_id) ON DELETE CASCADE,
    CONSTRAINT ck_repurchase_score_probability CHECK (probability BETWEEN 0 AND 1),
    CONSTRAINT ck_repurchase_score_decile CHECK (decile BETWEEN 1 AND 10)
);
--rollback DROP TABLE ml.repurchase_score;
