--liquibase formatted sql

-- The repurchase campaign's profit curve of a run: for each threshold 0.00 to
-- 1.00, contacting every customer whose calibrated probability reaches it on
-- the validation window (as-of minus 90 days, labels known): precision,
-- recall, customers contacted and profit (margin x buyers contacted - cost x
-- contacted, from ml.campaign_assumptions). is_chosen marks the most
-- profitable threshold: ml.current_repurchase_score puts every customer at or
-- above it in the campaign.
--changeset ecom:ml.repurchase_profit_curve
CREATE TABLE ml.repurchase_profit_curve (
    run_id              bigint           NOT NULL REFERENCES ml.model_run (run_id) ON DELETE CASCADE,
    threshold           numeric(4,2)     NOT NULL CONSTRAINT ck_repurchase_profit_curve_threshold CHECK (threshold BETWEEN 0 AND 1),
    precision_rate      double precision NOT NULL,
    recall_rate         double precision NOT NULL,
    contacted_customers integer          NOT NULL,
    expected_profit     numeric(18,2)    NOT NULL,
    is_chosen           boolean          NOT NULL,
    PRIMARY KEY (run_id, threshold)
);
CREATE UNIQUE INDEX ux_repurchase_profit_curve_chosen ON ml.repurchase_profit_curve (run_id) WHERE is_chosen;
--rollback DROP TABLE ml.repurchase_profit_curve;
