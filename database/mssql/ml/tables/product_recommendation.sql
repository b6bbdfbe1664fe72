--liquibase formatted sql

-- Ten products per customer that the customer has not bought, ranked 1 to 10
-- by the recommendation model that did best on the held-out last 30 days.
--changeset ecom:ml.product_recommendation
CREATE TABLE ml.product_recommendation (
    run_id              bigint      NOT NULL,
    customer_id         int         NOT NULL,
    recommendation_rank int         NOT NULL,
    stock_code          varchar(20) NOT NULL,
    score               float       NOT NULL,
    CONSTRAINT pk_product_recommendation PRIMARY KEY CLUSTERED (run_id, customer_id, recommendation_rank),
    CONSTRAINT fk_product_recommendation_run FOREIGN KEY (run_id)
        REFERENCES ml.model_run (run_id) ON DELETE CASCADE,
    CONSTRAINT ck_product_recommendation_rank CHECK (recommendation_rank BETWEEN 1 AND 10)
);
--rollback DROP TABLE ml.product_recommendation;
