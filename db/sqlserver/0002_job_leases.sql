-- One row per background job that must run in one instance at a time; see db/sqlite/0002_job_leases.sql. On SQL
-- Server the runner is chosen by sp_getapplock (a session lock that dies with its connection); the row keeps what
-- the last full run completed, and Owner/ExpiresAt for whoever inspects it.
CREATE TABLE dbo.JobLeases (
    Name        NVARCHAR(100)       NOT NULL CONSTRAINT PK_JobLeases PRIMARY KEY,
    Owner       NVARCHAR(200)       NULL,
    ExpiresAt   DATETIMEOFFSET(0)   NOT NULL,
    Completed   NVARCHAR(200)       NULL
);
