--liquibase formatted sql

-- The segment of each customer in a segmentation run: the k-means cluster
-- (segment_id, 1 = highest spend) and the persona named from its centroid.
--changeset ecom:ml.customer_segment
CREATE TABLE ml.customer_segment (
    run_id       bigint      NOT NULL REFERENCES ml.model_run (run_id) ON DELETE CASCADE,
    customer_id  integer     NOT NULL,
    segment_id   integer     NOT NULL,
    segment_name varchar(40) NOT NULL,
    PRIMARY KEY (run_id, customer_id)
);
--rollback DROP TABLE ml.customer_segment;
