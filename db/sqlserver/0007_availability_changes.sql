-- The change log the in-memory availability index follows; see db/sqlite/0007_availability_changes.sql.
-- On SQL Server an IDENTITY value is taken at insert and a transaction that took 41 may commit after one that took 42,
-- so readers follow RowVer (rowversion, also assigned at insert) and read only below MIN_ACTIVE_ROWVERSION(): every
-- row under that point is committed, and no row that is still to commit can appear below it later.
CREATE TABLE dbo.AvailabilityChanges (
    Seq         BIGINT IDENTITY(1, 1)   NOT NULL CONSTRAINT PK_AvailabilityChanges PRIMARY KEY CLUSTERED,
    RowVer      ROWVERSION              NOT NULL,
    Kind        VARCHAR(10)             NOT NULL CONSTRAINT CK_AvailabilityChanges_Kind
                                            CHECK (Kind IN ('units', 'windows', 'catalogue')),
    ResourceId  UNIQUEIDENTIFIER        NULL,
    FromAt      DATETIMEOFFSET(0)       NULL,
    ToAt        DATETIMEOFFSET(0)       NULL,
    ChangedAt   DATETIMEOFFSET(0)       NOT NULL
);
-- Readers seek by RowVer; rows of open transactions lie at or above the safe point, so the seek never waits on them.
CREATE UNIQUE INDEX IX_AvailabilityChanges_RowVer ON dbo.AvailabilityChanges (RowVer)
    INCLUDE (Kind, ResourceId, FromAt, ToAt);
CREATE INDEX IX_AvailabilityChanges_ChangedAt ON dbo.AvailabilityChanges (ChangedAt);

CREATE TABLE dbo.AvailabilityChangeTrim (
    Id              INT     NOT NULL CONSTRAINT PK_AvailabilityChangeTrim PRIMARY KEY CONSTRAINT CK_AvailabilityChangeTrim_Id CHECK (Id = 1),
    TrimmedThrough  BIGINT  NOT NULL
);
INSERT INTO dbo.AvailabilityChangeTrim (Id, TrimmedThrough) VALUES (1, 0);
