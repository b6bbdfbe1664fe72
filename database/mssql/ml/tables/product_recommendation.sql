--liquibase formatted sql

-- Ten products per customer that the customer has not bought, ranked 1 to 10
-- by the recommendation model that did best on the held-out last 30 days.
-- The stock code compares byte for byte with sales.product's (the view
-- ml.current_product_recommendation joins them): the same explicit collation,
-- or on a server whose default is another one (Azure SQL Database's) the view
-- fails with Msg 468. database/tsql-gate/tsql_collations.py checks every such
-- pair. The checksum before the COLLATE stays valid: a database deployed
-- before it needs, once, the ALTER COLUMN in database/README.md.
--changeset ecom:ml.product_recommendation
--validCheckSum: 9:2fecc28288d87b2ca59ba5a52ec834cc
CREATE TABLE ml.product_recommendation (
    run_id              bigint      NOT NULL,
    customer_id         int         NOT NULL,
    recommendation_rank int         NOT NULL,
    stock_code          varchar(20) COLLATE Latin1_General_100_BIN2 NOT NULL,
    score               float       NOT NULL,
    CONSTRAINT pk_product_recommendation PRIMARY KEY CLUSTERED (run_id, customer_id, recommendation_rank),
    CONSTRAINT fk_product_recommendation_run FOREIGN KEY (run_id)
        REFERENCES ml.model_run (run_id) ON DELETE CASCADE,
    CONSTRAINT ck_product_recommendation_rank CHECK (recommendation_rank BETWEEN 1 AND 10)
);
--rollback DROP TABLE ml.product_recommendation;
