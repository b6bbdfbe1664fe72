--liquibase formatted sql

-- One row per customer id of the source. A few customers buy from more than
-- one country; country_id is the country of their latest invoice.
--changeset ecom:sales.customer
CREATE TABLE sales.customer (
    customer_id int NOT NULL,
    country_id  int NOT NULL,
    CONSTRAINT pk_customer PRIMARY KEY CLUSTERED (customer_id),
    CONSTRAINT fk_customer_country FOREIGN KEY (country_id)
        REFERENCES sales.country (country_id)
);
--rollback DROP TABLE sales.customer;
