--liquibase formatted sql

-- Business question: which countries may a regional manager see? One row per
-- manager and country, read by the Power BI row-level security role
-- 'Regional manager' (powerbi/README.md): a manager signed in as
-- manager_email sees the sales of these countries only; someone not listed
-- sees nothing. manager_email is the sign-in name (UPN) Power BI reports, in
-- lower case; country_name is spelled as in sales.country, and compares as
-- sales.country.country_name does (nvarchar, Latin1_General_100_BIN2): the
-- Power BI model joins the two, and a join across two collations fails with
-- Msg 468 on a database whose default collation differs (Azure SQL's).
-- Like kpi.clv_assumptions, the list is versioned with the code: edit the
-- rows here (both dialects) and deploy. The addresses below are examples
-- (example.com); replace them with your managers'.
--changeset ecom:kpi.regional_manager_country runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW kpi.regional_manager_country
AS
SELECT CAST(m.manager_email AS varchar(254)) AS manager_email,
       CAST(m.country_name AS nvarchar(60)) COLLATE Latin1_General_100_BIN2 AS country_name
FROM (VALUES ('uk.manager@example.com', 'United Kingdom'),
             ('uk.manager@example.com', 'EIRE'),
             ('europe.manager@example.com', 'Germany'),
             ('europe.manager@example.com', 'France'),
             ('europe.manager@example.com', 'Netherlands'),
             ('europe.manager@example.com', 'Belgium'),
             ('europe.manager@example.com', 'Spain'),
             ('europe.manager@example.com', 'Switzerland'),
             ('europe.manager@example.com', 'Portugal'),
             ('europe.manager@example.com', 'Italy'),
             ('nordics.manager@example.com', 'Norway'),
             ('nordics.manager@example.com', 'Sweden'),
             ('nordics.manager@example.com', 'Denmark'),
             ('nordics.manager@example.com', 'Finland'),
             ('nordics.manager@example.com', 'Iceland'),
             ('overseas.manager@example.com', 'Australia'),
             ('overseas.manager@example.com', 'Japan'),
             ('overseas.manager@example.com', 'USA'),
             ('overseas.manager@example.com', 'Canada'),
             ('overseas.manager@example.com', 'Singapore')) AS m (manager_email, country_name);
GO
