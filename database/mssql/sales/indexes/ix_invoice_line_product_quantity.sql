--liquibase formatted sql

-- Anomaly detection finds the lines of a flagged (product, quantity) value
-- through it instead of reading all the product's lines.
--changeset ecom:sales.ix_invoice_line_product_quantity
CREATE INDEX ix_invoice_line_product_quantity ON sales.invoice_line (stock_code, quantity);
--rollback DROP INDEX ix_invoice_line_product_quantity ON sales.invoice_line;
