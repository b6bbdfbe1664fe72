--liquibase formatted sql

-- Clean sales lines flagged as outliers, one row per line and detection
-- method. Each detection procedure replaces the rows of its own method:
--   quantity_zscore          quality.detect_quantity_anomalies: z of quantity
--                            against all clean lines (population mean and sd)
--   quantity_robust_product  quality.detect_quantity_anomalies: robust z of
--                            quantity within the line's product (median, MAD)
--   price_robust_product     quality.detect_price_anomalies: the same on unit_price
-- score is the signed z (or robust z); threshold the |score| it exceeded.
--changeset ecom:quality.anomaly
CREATE TABLE quality.anomaly (
    anomaly_id      bigint IDENTITY(1, 1) NOT NULL,
    invoice_line_id bigint         NOT NULL,
    method          varchar(30)    NOT NULL,
    score           decimal(18, 6) NOT NULL,
    threshold       decimal(6, 3)  NOT NULL,
    detected_at     datetime2(0)   NOT NULL,
    CONSTRAINT pk_anomaly PRIMARY KEY CLUSTERED (anomaly_id),
    CONSTRAINT fk_anomaly_invoice_line FOREIGN KEY (invoice_line_id)
        REFERENCES sales.invoice_line (invoice_line_id),
    CONSTRAINT ck_anomaly_method
        CHECK (method IN ('quantity_zscore', 'quantity_robust_product', 'price_robust_product')),
    CONSTRAINT uq_anomaly_line_method UNIQUE (invoice_line_id, method)
);
CREATE INDEX ix_anomaly_method ON quality.anomaly (method);
--rollback DROP TABLE quality.anomaly;
