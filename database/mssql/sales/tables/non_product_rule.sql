--liquibase formatted sql

-- The stock codes that are not products: postage, carriage, manual prices,
-- discounts, samples, fees, adjustments, tests, vouchers. A rule matches a
-- stock code exactly or as its prefix, byte for byte (case counts: 'm' is a
-- rule of its own), hence the binary collation of sales.product.stock_code.
-- sales.product_class applies the rules to every product; rankings, basket
-- pairs and recommendations leave non-products out, while revenue totals
-- keep them and show them as their own line.
-- The codes were read off the real file (every stock code that is not five
-- digits and an optional letter); the DCGS... codes of the web shop and
-- SP1002 are real goods and stay products.
--changeset ecom:sales.non_product_rule
--validCheckSum: 9:fed3b8ea65affcf1fd7985314712f7fc
CREATE TABLE sales.non_product_rule (
    pattern          varchar(20)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    match_kind       varchar(6)   NOT NULL,
    product_category varchar(20)  NOT NULL,
    reason           varchar(200) NOT NULL,
    CONSTRAINT pk_non_product_rule PRIMARY KEY CLUSTERED (pattern, match_kind),
    CONSTRAINT ck_non_product_rule_match_kind CHECK (match_kind IN ('exact', 'prefix')),
    CONSTRAINT ck_non_product_rule_category CHECK (product_category <> 'product')
);
--rollback DROP TABLE sales.non_product_rule;

--changeset ecom:sales.non_product_rule.seed
INSERT INTO sales.non_product_rule (pattern, match_kind, product_category, reason) VALUES
    ('POST', 'exact', 'postage', 'POSTAGE: delivery charged on an order'),
    ('DOT', 'exact', 'postage', 'DOTCOM POSTAGE: delivery of a website order'),
    ('C2', 'exact', 'carriage', 'CARRIAGE: freight charged on an order'),
    ('M', 'exact', 'manual', 'Manual: a price keyed by hand, not a catalogue item'),
    ('m', 'exact', 'manual', 'Manual, in lower case: a price keyed by hand'),
    ('D', 'exact', 'discount', 'Discount granted on an order'),
    ('S', 'exact', 'sample', 'SAMPLES sent to a customer'),
    ('BANK CHARGES', 'exact', 'fee', 'Bank Charges passed on to a customer'),
    ('AMAZONFEE', 'exact', 'fee', 'AMAZON FEE: a marketplace''s commission'),
    ('CRUK', 'exact', 'fee', 'CRUK Commission: a charity''s commission'),
    ('B', 'exact', 'adjustment', 'Adjust bad debt: an accounting entry'),
    ('PADS', 'exact', 'placeholder', 'PADS TO MATCH ALL CUSHIONS: a 0.001 line completing a cushion order'),
    ('ADJUST', 'prefix', 'adjustment', 'Adjustment by a member of staff (ADJUST, ADJUST2)'),
    ('TEST', 'prefix', 'test', 'This is a test product (TEST001, TEST002)'),
    ('gift_0001_', 'prefix', 'voucher', 'Dotcomgiftshop Gift Voucher: money paid in advance, not a sale of goods');
--rollback DELETE FROM sales.non_product_rule;
