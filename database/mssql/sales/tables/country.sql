--liquibase formatted sql

-- Country names compare byte for byte, like staging.retail_line.country that
-- they are looked up by.
--changeset ecom:sales.country
CREATE TABLE sales.country (
    country_id   int IDENTITY(1, 1) NOT NULL,
    country_name nvarchar(60) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT pk_country PRIMARY KEY CLUSTERED (country_id),
    CONSTRAINT uq_country_name UNIQUE (country_name)
);
--rollback DROP TABLE sales.country;
