--liquibase formatted sql

-- mart.refresh_product_summary re-reads the lines of the products a batch
-- touched, not all lines. Its own file, so that the table's changeset (and its
-- checksum) stays as deployed.
--changeset ecom:sales.ix_invoice_line_product
CREATE INDEX ix_invoice_line_product ON sales.invoice_line (stock_code);
--rollback DROP INDEX ix_invoice_line_product ON sales.invoice_line;
