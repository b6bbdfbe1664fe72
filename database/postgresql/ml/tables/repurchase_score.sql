--liquibase formatted sql

-- The probability that a customer buys again within 90 days of the run's
-- as-of date, and its decile among all scored customers (10 = most likely).
--changeset ecom:ml.repurchase_score
CREATE TABLE ml.repurchase_score (
    run_id      bigint           NOT NULL REFERENCES ml.model_run (run_id) ON DELETE CASCADE,
    customer_id integer          NOT NULL,
    probability double precision NOT NULL CONSTRAINT ck_repurchase_score_probability CHECK (probability BETWEEN 0 AND 1),
    decile      integer          NOT NULL CONSTRAINT ck_repurchase_score_decile CHECK (decile BETWEEN 1 AND 10),
    PRIMARY KEY (run_id, customer_id)
);
--rollback DROP TABLE ml.repurchase_score;
