-- Maps one Microsoft Entra identity (user, group or managed identity, by display name) to one of
-- the database roles the schema deployment creates (database/mssql/security/roles.sql).
-- Run by azure/deploy.sh with sqlcmd variables RoleName and MemberName, signed in as the Entra
-- administrator; rerunning it changes nothing.
IF DATABASE_PRINCIPAL_ID(N'$(MemberName)') IS NULL
    CREATE USER [$(MemberName)] FROM EXTERNAL PROVIDER;

IF IS_ROLEMEMBER(N'$(RoleName)', N'$(MemberName)') = 0
    ALTER ROLE [$(RoleName)] ADD MEMBER [$(MemberName)];
