--liquibase formatted sql

-- Ten products per customer that the customer has not bought, ranked 1 to 10
-- by the recommendation model that did best on the held-out last 30 days.
--changeset ecom:ml.product_recommendation
CREATE TABLE ml.product_recommendation (
    run_id              bigint           NOT NULL REFERENCES ml.model_run (run_id) ON DELETE CASCADE,
    customer_id         integer          NOT NULL,
    recommendation_rank integer          NOT NULL CONSTRAINT ck_product_recommendation_rank CHECK (recommendation_rank BETWEEN 1 AND 10),
    stock_code          varchar(20)      NOT NULL,
    score               double precision NOT NULL,
    PRIMARY KEY (run_id, customer_id, recommendation_rank)
);
--rollback DROP TABLE ml.product_recommendation;
