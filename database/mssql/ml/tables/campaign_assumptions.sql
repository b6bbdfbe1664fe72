--liquibase formatted sql

-- What a retention campaign costs and earns, for the repurchase model's
-- profit threshold. One row, edited by a DBA (UPDATE ml.campaign_assumptions
-- SET contact_cost = ..., repurchase_margin = ...); the next sidecar run picks
-- the threshold that maximises the campaign's profit with these numbers:
--   contact_cost: the cost of contacting one customer (mailing, voucher);
--   repurchase_margin: the margin a repurchase brings.
-- The defaults (5.00 and 12.50) are placeholders: contact a customer when the
-- chance of a repurchase is at least 40 %.
--changeset ecom:ml.campaign_assumptions splitStatements:true endDelimiter:GO stripComments:false
CREATE TABLE ml.campaign_assumptions (
    assumption_id     int            NOT NULL CONSTRAINT df_campaign_assumptions_id DEFAULT 1,
    contact_cost      decimal(12, 2) NOT NULL,
    repurchase_margin decimal(12, 2) NOT NULL,
    CONSTRAINT pk_campaign_assumptions PRIMARY KEY CLUSTERED (assumption_id),
    CONSTRAINT ck_campaign_assumptions_one_row CHECK (assumption_id = 1),
    CONSTRAINT ck_campaign_assumptions_cost CHECK (contact_cost >= 0),
    CONSTRAINT ck_campaign_assumptions_margin CHECK (repurchase_margin > 0)
);
GO
INSERT INTO ml.campaign_assumptions (assumption_id, contact_cost, repurchase_margin) VALUES (1, 5.00, 12.50);
GO
--rollback DROP TABLE ml.campaign_assumptions;
