-- Deploy step 1, once per installation, by an administrator (sqlcmd -i setup.sql -v Database=… AppLogin=… AppPassword=…):
-- the database, READ_COMMITTED_SNAPSHOT on, and the service's everyday login with data rights only. Not a migration:
-- ALTER DATABASE … SET READ_COMMITTED_SNAPSHOT cannot run inside a migration's transaction, and logins are the server's.
IF DB_ID(N'$(Database)') IS NULL
    EXEC (N'CREATE DATABASE [$(Database)] COLLATE Finnish_Swedish_100_CI_AS');
GO
-- The service's visibility reasoning (change log, claims, holds) is written for it; on-premises SQL Server defaults to
-- OFF. ROLLBACK IMMEDIATE: the switch needs the database to itself for a moment.
ALTER DATABASE [$(Database)] SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;
GO
IF SUSER_ID(N'$(AppLogin)') IS NULL
    EXEC (N'CREATE LOGIN [$(AppLogin)] WITH PASSWORD = N''$(AppPassword)'', CHECK_POLICY = ON');
GO
USE [$(Database)];
GO
-- Reads and writes of every schema (dbo and HangFire); no DDL: `migrate` runs with a login that has db_ddladmin.
IF DATABASE_PRINCIPAL_ID(N'$(AppLogin)') IS NULL
    EXEC (N'CREATE USER [$(AppLogin)] FOR LOGIN [$(AppLogin)]');
ALTER ROLE db_datareader ADD MEMBER [$(AppLogin)];
ALTER ROLE db_datawriter ADD MEMBER [$(AppLogin)];
GO
