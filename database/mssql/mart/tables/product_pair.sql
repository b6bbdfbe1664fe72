--liquibase formatted sql

-- Pairs of products bought in the same invoice, for market-basket analysis:
-- support = share of invoices holding both, confidence_a_to_b = share of the
-- invoices holding a that also hold b, lift = how much more often they go
-- together than chance (1 = independent). Counted over invoices of at most
-- 100 distinct products, for products in at least 1% of them (and at least
-- 2) and pairs in at least 0.1% (and 2) (see mart.refresh_product_pair for
-- why). stock_code_a < stock_code_b.
--changeset ecom:mart.product_pair
CREATE TABLE mart.product_pair (
    stock_code_a      varchar(20)    COLLATE Latin1_General_100_BIN2 NOT NULL,
    stock_code_b      varchar(20)    COLLATE Latin1_General_100_BIN2 NOT NULL,
    invoices_together int            NOT NULL,
    invoices_a        int            NOT NULL,
    invoices_b        int            NOT NULL,
    support           decimal(9, 6)  NOT NULL,
    confidence_a_to_b decimal(9, 6)  NOT NULL,
    confidence_b_to_a decimal(9, 6)  NOT NULL,
    lift              decimal(12, 4) NOT NULL,
    CONSTRAINT pk_product_pair PRIMARY KEY CLUSTERED (stock_code_a, stock_code_b)
);
CREATE INDEX ix_product_pair_together ON mart.product_pair (invoices_together DESC);
--rollback DROP TABLE mart.product_pair;
