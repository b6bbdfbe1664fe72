--liquibase formatted sql

-- Anomaly detection finds the lines of a flagged (product, unit price) value
-- through it instead of reading all the product's lines.
--changeset ecom:sales.ix_invoice_line_product_price
CREATE INDEX ix_invoice_line_product_price ON sales.invoice_line (stock_code, unit_price);
--rollback DROP INDEX ix_invoice_line_product_price ON sales.invoice_line;
