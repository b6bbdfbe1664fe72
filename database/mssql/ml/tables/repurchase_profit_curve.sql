--liquibase formatted sql

-- The repurchase campaign's profit curve of a run: for each threshold 0.00 to
-- 1.00, contacting every customer whose calibrated probability reaches it on
-- the validation window (as-of minus 90 days, labels known): precision,
-- recall, customers contacted and profit (margin x buyers contacted - cost x
-- contacted, from ml.campaign_assumptions). is_chosen marks the most
-- profitable threshold: ml.current_repurchase_score puts every customer at or
-- above it in the campaign.
--changeset ecom:ml.repurchase_profit_curve splitStatements:true endDelimiter:GO stripComments:false
CREATE TABLE ml.repurchase_profit_curve (
    run_id              bigint         NOT NULL,
    threshold           decimal(4, 2)  NOT NULL,
    precision_rate      float          NOT NULL,
    recall_rate         float          NOT NULL,
    contacted_customers int            NOT NULL,
    expected_profit     decimal(18, 2) NOT NULL,
    is_chosen           bit            NOT NULL,
    CONSTRAINT pk_repurchase_profit_curve PRIMARY KEY CLUSTERED (run_id, threshold),
    CONSTRAINT fk_repurchase_profit_curve_run FOREIGN KEY (run_id)
        REFERENCES ml.model_run (run_id) ON DELETE CASCADE,
    CONSTRAINT ck_repurchase_profit_curve_threshold CHECK (threshold BETWEEN 0 AND 1)
);
GO
CREATE UNIQUE NONCLUSTERED INDEX ux_repurchase_profit_curve_chosen
    ON ml.repurchase_profit_curve (run_id) WHERE is_chosen = 1;
GO
--rollback DROP TABLE ml.repurchase_profit_curve;
