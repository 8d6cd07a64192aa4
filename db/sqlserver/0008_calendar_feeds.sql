-- Calendar feeds out and busy times in; see db/sqlite/0008_calendar_feeds.sql.
CREATE TABLE dbo.CalendarFeeds (
    Id              UNIQUEIDENTIFIER    NOT NULL CONSTRAINT PK_CalendarFeeds PRIMARY KEY,
    TokenHash       NVARCHAR(100)       NOT NULL CONSTRAINT UQ_CalendarFeeds_TokenHash UNIQUE,
    Kind            NVARCHAR(20)        NOT NULL CONSTRAINT CK_CalendarFeeds_Kind CHECK (Kind IN ('expert', 'provider', 'service_point')),
    ExpertId        UNIQUEIDENTIFIER    NULL CONSTRAINT FK_CalendarFeeds_Experts REFERENCES dbo.Experts (Id) ON DELETE CASCADE,
    ProviderId      NVARCHAR(40)        NULL CONSTRAINT FK_CalendarFeeds_Providers REFERENCES dbo.Providers (Id),
    ServicePointId  NVARCHAR(40)        NULL CONSTRAINT FK_CalendarFeeds_ServicePoints REFERENCES dbo.ServicePoints (Id),
    Name            NVARCHAR(200)       NULL,
    Language        NVARCHAR(10)        NOT NULL,
    CreatedAt       DATETIMEOFFSET(3)   NOT NULL
);
CREATE INDEX IX_CalendarFeeds_ExpertId ON dbo.CalendarFeeds (ExpertId) WHERE ExpertId IS NOT NULL;
CREATE INDEX IX_CalendarFeeds_ProviderId ON dbo.CalendarFeeds (ProviderId) WHERE ProviderId IS NOT NULL;
CREATE INDEX IX_CalendarFeeds_ServicePointId ON dbo.CalendarFeeds (ServicePointId) WHERE ServicePointId IS NOT NULL;

CREATE TABLE dbo.CalendarSources (
    Id              UNIQUEIDENTIFIER    NOT NULL CONSTRAINT PK_CalendarSources PRIMARY KEY,
    ExpertId        UNIQUEIDENTIFIER    NOT NULL CONSTRAINT FK_CalendarSources_Experts REFERENCES dbo.Experts (Id) ON DELETE CASCADE,
    Name            NVARCHAR(200)       NOT NULL,
    Url             NVARCHAR(2000)      NOT NULL,
    ETag            NVARCHAR(500)       NULL,
    LastModified    NVARCHAR(100)       NULL,
    ParsedDay       NVARCHAR(10)        NULL,
    LastAttemptAt   DATETIMEOFFSET(3)   NULL,
    LastSuccessAt   DATETIMEOFFSET(3)   NULL,
    LastError       NVARCHAR(1000)      NULL,
    CreatedAt       DATETIMEOFFSET(3)   NOT NULL
);
CREATE INDEX IX_CalendarSources_ExpertId ON dbo.CalendarSources (ExpertId);

-- No foreign key to Experts beside the cascade from CalendarSources: SQL Server refuses two cascade paths to one row.
CREATE TABLE dbo.CalendarBusyTimes (
    SourceId        UNIQUEIDENTIFIER    NOT NULL
        CONSTRAINT FK_CalendarBusyTimes_CalendarSources REFERENCES dbo.CalendarSources (Id) ON DELETE CASCADE,
    ExpertId        UNIQUEIDENTIFIER    NOT NULL,
    StartsAt        DATETIMEOFFSET(0)   NOT NULL,
    EndsAt          DATETIMEOFFSET(0)   NOT NULL
);
CREATE INDEX IX_CalendarBusyTimes_SourceId ON dbo.CalendarBusyTimes (SourceId);
CREATE INDEX IX_CalendarBusyTimes_Expert ON dbo.CalendarBusyTimes (ExpertId, StartsAt);
