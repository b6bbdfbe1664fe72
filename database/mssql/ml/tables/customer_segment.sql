--liquibase formatted sql

-- The segment of each customer in a segmentation run: the k-means cluster
-- (segment_id, 1 = highest spend) and the persona named from its centroid.
--changeset ecom:ml.customer_segment
CREATE TABLE ml.customer_segment (
    run_id       bigint      NOT NULL,
    customer_id  int         NOT NULL,
    segment_id   int         NOT NULL,
    segment_name varchar(40) NOT NULL,
    CONSTRAINT pk_customer_segment PRIMARY KEY CLUSTERED (run_id, customer_id),
    CONSTRAINT fk_customer_segment_run FOREIGN KEY (run_id)
        REFERENCES ml.model_run (run_id) ON DELETE CASCADE
);
--rollback DROP TABLE ml.customer_segment;
