--liquibase formatted sql

-- What a retention campaign costs and earns, for the repurchase model's
-- profit threshold. One row, edited by a DBA (UPDATE ml.campaign_assumptions
-- SET contact_cost = ..., repurchase_margin = ...); the next sidecar run picks
-- the threshold that maximises the campaign's profit with these numbers:
--   contact_cost: the cost of contacting one customer (mailing, voucher);
--   repurchase_margin: the margin a repurchase brings.
-- The defaults (5.00 and 12.50) are placeholders: contact a customer when the
-- chance of a repurchase is at least 40 %.
--changeset ecom:ml.campaign_assumptions
CREATE TABLE ml.campaign_assumptions (
    assumption_id     integer       NOT NULL DEFAULT 1 PRIMARY KEY
        CONSTRAINT ck_campaign_assumptions_one_row CHECK (assumption_id = 1),
    contact_cost      numeric(12,2) NOT NULL CONSTRAINT ck_campaign_assumptions_cost CHECK (contact_cost >= 0),
    repurchase_margin numeric(12,2) NOT NULL CONSTRAINT ck_campaign_assumptions_margin CHECK (repurchase_margin > 0)
);
INSERT INTO ml.campaign_assumptions (assumption_id, contact_cost, repurchase_margin) VALUES (1, 5.00, 12.50);
--rollback DROP TABLE ml.campaign_assumptions;
