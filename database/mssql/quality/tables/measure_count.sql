--liquibase formatted sql

-- How many clean sales lines of each product carry each value of a measure
-- (quantity or unit_price): what the robust per-product anomaly scores and
-- the global quantity z-score are computed from. A product has a few dozen
-- distinct values against thousands of lines, and counts add up: a batch adds
-- its lines' counts, and a median, a MAD or a mean of a product is read from
-- its counts without re-reading its lines (quality.detect_robust_product_anomalies).
-- quality.measure_count_batch says which batches are counted.
--changeset ecom:quality.measure_count
CREATE TABLE quality.measure_count (
    measure    varchar(10)    NOT NULL,
    stock_code varchar(20)    COLLATE Latin1_General_100_BIN2 NOT NULL,
    x          decimal(12, 3) NOT NULL,
    line_count bigint         NOT NULL,
    CONSTRAINT pk_measure_count PRIMARY KEY CLUSTERED (measure, stock_code, x),
    CONSTRAINT ck_measure_count_measure CHECK (measure IN ('quantity', 'price'))
);
--rollback DROP TABLE quality.measure_count;
