--liquibase formatted sql

-- One row per customer id of the source. A few customers buy from more than
-- one country; country_id is the country of their latest invoice.
--changeset ecom:sales.customer
CREATE TABLE sales.customer (
    customer_id integer NOT NULL PRIMARY KEY,
    country_id  integer NOT NULL REFERENCES sales.country (country_id)
);
--rollback DROP TABLE sales.customer;
