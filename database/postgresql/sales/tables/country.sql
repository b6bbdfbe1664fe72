--liquibase formatted sql

--changeset ecom:sales.country
CREATE TABLE sales.country (
    country_id   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    country_name varchar(60) NOT NULL,
    CONSTRAINT uq_country_name UNIQUE (country_name)
);
--rollback DROP TABLE sales.country;
