--liquibase formatted sql

-- Clean sales lines flagged as outliers, one row per line and detection
-- method. Each detection procedure replaces the rows of its own method:
--   quantity_zscore          quality.detect_quantity_anomalies: z of quantity
--                            against all clean lines (population mean and sd)
--   quantity_robust_product  quality.detect_quantity_anomalies: robust z of
--                            quantity within the line's product (median, MAD)
--   price_robust_product     quality.detect_price_anomalies: the same on unit_price
-- score is the signed z (or robust z); threshold the |score| it exceeded.
-- A foreign key here, unlike on the fact table: a run inserts tens of
-- thousands of rows, not a whole file.
--changeset ecom:quality.anomaly
CREATE TABLE quality.anomaly (
    anomaly_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_line_id bigint        NOT NULL REFERENCES sales.invoice_line (invoice_line_id),
    method          varchar(30)   NOT NULL
        CONSTRAINT ck_anomaly_method
        CHECK (method IN ('quantity_zscore', 'quantity_robust_product', 'price_robust_product')),
    score           numeric(18,6) NOT NULL,
    threshold       numeric(6,3)  NOT NULL,
    detected_at     timestamp     NOT NULL,
    CONSTRAINT uq_anomaly_line_method UNIQUE (invoice_line_id, method)
);
CREATE INDEX ix_anomaly_method ON quality.anomaly (method);
--rollback DROP TABLE quality.anomaly;
