-- Ajanvaraus schema, SQL Server dialect. Same tables, keys and column names as db/sqlite/0001_initial.sql.
-- Instants are DATETIMEOFFSET in UTC; all text is NVARCHAR (Dapper sends strings as NVARCHAR, so
-- comparisons never convert the column); slugs are NVARCHAR(40), app-made ids UNIQUEIDENTIFIER.

CREATE TABLE dbo.Providers (
    Id          NVARCHAR(40)        NOT NULL CONSTRAINT PK_Providers PRIMARY KEY,
    NameFi      NVARCHAR(200)       NOT NULL,
    NameSv      NVARCHAR(200)       NOT NULL,
    NameEn      NVARCHAR(200)       NOT NULL,
    CreatedAt   DATETIMEOFFSET(3)   NOT NULL,
    UpdatedAt   DATETIMEOFFSET(3)   NOT NULL
);

CREATE TABLE dbo.ServicePoints (
    Id                  NVARCHAR(40)        NOT NULL CONSTRAINT PK_ServicePoints PRIMARY KEY,
    NameFi              NVARCHAR(200)       NOT NULL,
    NameSv              NVARCHAR(200)       NOT NULL,
    NameEn              NVARCHAR(200)       NOT NULL,
    MunicipalityCode    NVARCHAR(3)         NOT NULL,
    StreetAddress       NVARCHAR(200)       NOT NULL,
    PostalCode          NVARCHAR(5)         NOT NULL,
    PostOffice          NVARCHAR(100)       NOT NULL,
    TimeZone            NVARCHAR(64)        NOT NULL,
    AccessibilityFi     NVARCHAR(4000)      NULL,
    AccessibilitySv     NVARCHAR(4000)      NULL,
    AccessibilityEn     NVARCHAR(4000)      NULL,
    CreatedAt           DATETIMEOFFSET(3)   NOT NULL,
    UpdatedAt           DATETIMEOFFSET(3)   NOT NULL
);
CREATE INDEX IX_ServicePoints_MunicipalityCode ON dbo.ServicePoints (MunicipalityCode);

-- Weekday is ISO 8601: 1 = Monday ... 7 = Sunday.
CREATE TABLE dbo.ServicePointOpeningHours (
    ServicePointId  NVARCHAR(40)    NOT NULL CONSTRAINT FK_ServicePointOpeningHours_ServicePoints REFERENCES dbo.ServicePoints (Id) ON DELETE CASCADE,
    Weekday         INT             NOT NULL CONSTRAINT CK_ServicePointOpeningHours_Weekday CHECK (Weekday BETWEEN 1 AND 7),
    Opens           NVARCHAR(5)     NOT NULL,
    Closes          NVARCHAR(5)     NOT NULL,
    CONSTRAINT PK_ServicePointOpeningHours PRIMARY KEY (ServicePointId, Weekday, Opens)
);

CREATE TABLE dbo.ServicePointClosures (
    Id              UNIQUEIDENTIFIER    NOT NULL CONSTRAINT PK_ServicePointClosures PRIMARY KEY,
    ServicePointId  NVARCHAR(40)        NOT NULL CONSTRAINT FK_ServicePointClosures_ServicePoints REFERENCES dbo.ServicePoints (Id) ON DELETE CASCADE,
    FirstDay        DATE                NOT NULL,
    LastDay         DATE                NOT NULL,
    Reason          NVARCHAR(500)       NULL
);
CREATE INDEX IX_ServicePointClosures_ServicePointId ON dbo.ServicePointClosures (ServicePointId, FirstDay);

CREATE TABLE dbo.ServicePointProviders (
    ServicePointId  NVARCHAR(40)    NOT NULL CONSTRAINT FK_ServicePointProviders_ServicePoints REFERENCES dbo.ServicePoints (Id) ON DELETE CASCADE,
    ProviderId      NVARCHAR(40)    NOT NULL CONSTRAINT FK_ServicePointProviders_Providers REFERENCES dbo.Providers (Id),
    CONSTRAINT PK_ServicePointProviders PRIMARY KEY (ServicePointId, ProviderId)
);
CREATE INDEX IX_ServicePointProviders_ProviderId ON dbo.ServicePointProviders (ProviderId);

CREATE TABLE dbo.VideoRooms (
    Id              UNIQUEIDENTIFIER    NOT NULL CONSTRAINT PK_VideoRooms PRIMARY KEY,
    ServicePointId  NVARCHAR(40)        NOT NULL CONSTRAINT FK_VideoRooms_ServicePoints REFERENCES dbo.ServicePoints (Id),
    Name            NVARCHAR(200)       NOT NULL,
    IsActive        BIT                 NOT NULL CONSTRAINT DF_VideoRooms_IsActive DEFAULT 1,
    CreatedAt       DATETIMEOFFSET(3)   NOT NULL
);
CREATE INDEX IX_VideoRooms_ServicePointId ON dbo.VideoRooms (ServicePointId);

CREATE TABLE dbo.Services (
    Id                          UNIQUEIDENTIFIER    NOT NULL CONSTRAINT PK_Services PRIMARY KEY,
    ProviderId                  NVARCHAR(40)        NOT NULL CONSTRAINT FK_Services_Providers REFERENCES dbo.Providers (Id),
    NameFi                      NVARCHAR(200)       NOT NULL,
    NameSv                      NVARCHAR(200)       NOT NULL,
    NameEn                      NVARCHAR(200)       NOT NULL,
    DescriptionFi               NVARCHAR(4000)      NULL,
    DescriptionSv               NVARCHAR(4000)      NULL,
    DescriptionEn               NVARCHAR(4000)      NULL,
    DurationMinutes             INT                 NOT NULL CONSTRAINT CK_Services_DurationMinutes CHECK (DurationMinutes > 0 AND DurationMinutes % 5 = 0),
    AllowsInPerson              BIT                 NOT NULL,
    AllowsRemoteAtPoint         BIT                 NOT NULL,
    AllowsVideo                 BIT                 NOT NULL,
    AllowsPhone                 BIT                 NOT NULL,
    MinimumNoticeMinutes        INT                 NOT NULL,
    BookingHorizonDays          INT                 NOT NULL,
    CancellationCutoffMinutes   INT                 NOT NULL,
    CardFi                      NVARCHAR(4000)      NULL,
    CardSv                      NVARCHAR(4000)      NULL,
    CardEn                      NVARCHAR(4000)      NULL,
    IsActive                    BIT                 NOT NULL CONSTRAINT DF_Services_IsActive DEFAULT 1,
    CreatedAt                   DATETIMEOFFSET(3)   NOT NULL,
    UpdatedAt                   DATETIMEOFFSET(3)   NOT NULL
);
CREATE INDEX IX_Services_ProviderId ON dbo.Services (ProviderId);

CREATE TABLE dbo.Experts (
    Id              UNIQUEIDENTIFIER    NOT NULL CONSTRAINT PK_Experts PRIMARY KEY,
    ProviderId      NVARCHAR(40)        NOT NULL CONSTRAINT FK_Experts_Providers REFERENCES dbo.Providers (Id),
    DisplayName     NVARCHAR(200)       NOT NULL,
    IsActive        BIT                 NOT NULL CONSTRAINT DF_Experts_IsActive DEFAULT 1,
    CreatedAt       DATETIMEOFFSET(3)   NOT NULL,
    UpdatedAt       DATETIMEOFFSET(3)   NOT NULL
);
CREATE INDEX IX_Experts_ProviderId ON dbo.Experts (ProviderId);

CREATE TABLE dbo.ExpertLanguages (
    ExpertId        UNIQUEIDENTIFIER    NOT NULL CONSTRAINT FK_ExpertLanguages_Experts REFERENCES dbo.Experts (Id) ON DELETE CASCADE,
    Language        NVARCHAR(8)         NOT NULL,
    CONSTRAINT PK_ExpertLanguages PRIMARY KEY (ExpertId, Language)
);

CREATE TABLE dbo.ExpertServices (
    ExpertId        UNIQUEIDENTIFIER    NOT NULL CONSTRAINT FK_ExpertServices_Experts REFERENCES dbo.Experts (Id) ON DELETE CASCADE,
    ServiceId       UNIQUEIDENTIFIER    NOT NULL CONSTRAINT FK_ExpertServices_Services REFERENCES dbo.Services (Id) ON DELETE CASCADE,
    CONSTRAINT PK_ExpertServices PRIMARY KEY (ExpertId, ServiceId)
);
CREATE INDEX IX_ExpertServices_ServiceId ON dbo.ExpertServices (ServiceId, ExpertId);

-- A rule without RecurrenceRule is a one-off window on ValidFrom. ServicePointId NULL = remote.
CREATE TABLE dbo.AvailabilityRules (
    Id                  UNIQUEIDENTIFIER    NOT NULL CONSTRAINT PK_AvailabilityRules PRIMARY KEY,
    ExpertId            UNIQUEIDENTIFIER    NOT NULL CONSTRAINT FK_AvailabilityRules_Experts REFERENCES dbo.Experts (Id) ON DELETE CASCADE,
    ServicePointId      NVARCHAR(40)        NULL CONSTRAINT FK_AvailabilityRules_ServicePoints REFERENCES dbo.ServicePoints (Id),
    AllowsInPerson      BIT                 NOT NULL,
    AllowsRemoteAtPoint BIT                 NOT NULL,
    AllowsVideo         BIT                 NOT NULL,
    AllowsPhone         BIT                 NOT NULL,
    StartTime           NVARCHAR(5)         NOT NULL,
    EndTime             NVARCHAR(5)         NOT NULL,
    RecurrenceRule      NVARCHAR(500)       NULL,
    ValidFrom           DATE                NOT NULL,
    ValidUntil          DATE                NULL,
    CreatedAt           DATETIMEOFFSET(3)   NOT NULL,
    UpdatedAt           DATETIMEOFFSET(3)   NOT NULL
);
CREATE INDEX IX_AvailabilityRules_ExpertId ON dbo.AvailabilityRules (ExpertId);

CREATE TABLE dbo.Absences (
    Id              UNIQUEIDENTIFIER    NOT NULL CONSTRAINT PK_Absences PRIMARY KEY,
    ExpertId        UNIQUEIDENTIFIER    NOT NULL CONSTRAINT FK_Absences_Experts REFERENCES dbo.Experts (Id) ON DELETE CASCADE,
    StartsAt        DATETIMEOFFSET(0)   NOT NULL,
    EndsAt          DATETIMEOFFSET(0)   NOT NULL,
    Reason          NVARCHAR(500)       NULL,
    CreatedAt       DATETIMEOFFSET(3)   NOT NULL
);
CREATE INDEX IX_Absences_ExpertId ON dbo.Absences (ExpertId, StartsAt);

-- Rules expanded for the rolling horizon, cut by holidays, closures and absences.
CREATE TABLE dbo.AvailabilityWindows (
    RuleId              UNIQUEIDENTIFIER    NOT NULL CONSTRAINT FK_AvailabilityWindows_AvailabilityRules REFERENCES dbo.AvailabilityRules (Id) ON DELETE CASCADE,
    StartsAt            DATETIMEOFFSET(0)   NOT NULL,
    EndsAt              DATETIMEOFFSET(0)   NOT NULL,
    ExpertId            UNIQUEIDENTIFIER    NOT NULL,
    ServicePointId      NVARCHAR(40)        NULL,
    AllowsInPerson      BIT                 NOT NULL,
    AllowsRemoteAtPoint BIT                 NOT NULL,
    AllowsVideo         BIT                 NOT NULL,
    AllowsPhone         BIT                 NOT NULL,
    CONSTRAINT PK_AvailabilityWindows PRIMARY KEY (RuleId, StartsAt)
);
-- Both indexes cover what search reads, so a window never costs a lookup in the clustered index.
CREATE INDEX IX_AvailabilityWindows_Expert ON dbo.AvailabilityWindows (ExpertId, StartsAt)
    INCLUDE (EndsAt, ServicePointId, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone);
CREATE INDEX IX_AvailabilityWindows_ServicePoint ON dbo.AvailabilityWindows (ServicePointId, StartsAt)
    INCLUDE (EndsAt, ExpertId, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone);

-- One row per taken 5-minute unit of an expert or a video room. The primary key is what makes a
-- double booking impossible: a second writer of the same unit gets a unique violation (2627).
-- A hold's rows carry ExpiresAt; a booking's rows have it NULL.
CREATE TABLE dbo.BookedUnits (
    ResourceId      UNIQUEIDENTIFIER    NOT NULL,
    UnitStart       DATETIMEOFFSET(0)   NOT NULL,
    BookingId       UNIQUEIDENTIFIER    NULL,
    HoldId          UNIQUEIDENTIFIER    NULL,
    ExpiresAt       DATETIMEOFFSET(0)   NULL,
    CONSTRAINT PK_BookedUnits PRIMARY KEY (ResourceId, UnitStart)
);
CREATE INDEX IX_BookedUnits_BookingId ON dbo.BookedUnits (BookingId);
CREATE INDEX IX_BookedUnits_HoldId ON dbo.BookedUnits (HoldId);

CREATE TABLE dbo.Holds (
    Id              UNIQUEIDENTIFIER    NOT NULL CONSTRAINT PK_Holds PRIMARY KEY,
    TokenHash       NVARCHAR(64)        NOT NULL,
    ServiceId       UNIQUEIDENTIFIER    NOT NULL CONSTRAINT FK_Holds_Services REFERENCES dbo.Services (Id),
    ExpertId        UNIQUEIDENTIFIER    NOT NULL CONSTRAINT FK_Holds_Experts REFERENCES dbo.Experts (Id),
    ServicePointId  NVARCHAR(40)        NULL CONSTRAINT FK_Holds_ServicePoints REFERENCES dbo.ServicePoints (Id),
    VideoRoomId     UNIQUEIDENTIFIER    NULL CONSTRAINT FK_Holds_VideoRooms REFERENCES dbo.VideoRooms (Id),
    Channel         NVARCHAR(20)        NOT NULL,
    StartsAt        DATETIMEOFFSET(0)   NOT NULL,
    EndsAt          DATETIMEOFFSET(0)   NOT NULL,
    ExpiresAt       DATETIMEOFFSET(0)   NOT NULL,
    ClientId        NVARCHAR(200)       NULL,
    CreatedAt       DATETIMEOFFSET(3)   NOT NULL
);
CREATE INDEX IX_Holds_ExpiresAt ON dbo.Holds (ExpiresAt);

CREATE TABLE dbo.Bookings (
    Id                  UNIQUEIDENTIFIER    NOT NULL CONSTRAINT PK_Bookings PRIMARY KEY,
    Reference           NVARCHAR(16)        NOT NULL CONSTRAINT UQ_Bookings_Reference UNIQUE,
    ProviderId          NVARCHAR(40)        NOT NULL CONSTRAINT FK_Bookings_Providers REFERENCES dbo.Providers (Id),
    ServiceId           UNIQUEIDENTIFIER    NOT NULL CONSTRAINT FK_Bookings_Services REFERENCES dbo.Services (Id),
    ExpertId            UNIQUEIDENTIFIER    NOT NULL CONSTRAINT FK_Bookings_Experts REFERENCES dbo.Experts (Id),
    ServicePointId      NVARCHAR(40)        NULL CONSTRAINT FK_Bookings_ServicePoints REFERENCES dbo.ServicePoints (Id),
    VideoRoomId         UNIQUEIDENTIFIER    NULL CONSTRAINT FK_Bookings_VideoRooms REFERENCES dbo.VideoRooms (Id),
    Channel             NVARCHAR(20)        NOT NULL,
    StartsAt            DATETIMEOFFSET(0)   NOT NULL,
    EndsAt              DATETIMEOFFSET(0)   NOT NULL,
    Status              NVARCHAR(20)        NOT NULL,
    CustomerName        NVARCHAR(200)       NOT NULL,
    CustomerEmail       NVARCHAR(254)       NULL,
    CustomerPhone       NVARCHAR(32)        NULL,
    CustomerLanguage    NVARCHAR(8)         NOT NULL,
    Notes               NVARCHAR(2000)      NULL,
    MeetingUrl          NVARCHAR(500)       NULL,
    ManageTokenHash     NVARCHAR(64)        NOT NULL,
    Sequence            INT                 NOT NULL CONSTRAINT DF_Bookings_Sequence DEFAULT 0,
    MadeByKind          NVARCHAR(20)        NOT NULL,
    MadeById            NVARCHAR(200)       NULL,
    CreatedAt           DATETIMEOFFSET(3)   NOT NULL,
    UpdatedAt           DATETIMEOFFSET(3)   NOT NULL
);
CREATE INDEX IX_Bookings_Provider ON dbo.Bookings (ProviderId, StartsAt);
CREATE INDEX IX_Bookings_Expert ON dbo.Bookings (ExpertId, StartsAt);
CREATE INDEX IX_Bookings_ServicePoint ON dbo.Bookings (ServicePointId, StartsAt);

-- Who changed what, when: ActorKind is citizen, portal, adviser, agency or system.
CREATE TABLE dbo.BookingHistory (
    Id              UNIQUEIDENTIFIER    NOT NULL CONSTRAINT PK_BookingHistory PRIMARY KEY,
    BookingId       UNIQUEIDENTIFIER    NOT NULL CONSTRAINT FK_BookingHistory_Bookings REFERENCES dbo.Bookings (Id) ON DELETE CASCADE,
    OccurredAt      DATETIMEOFFSET(3)   NOT NULL,
    Action          NVARCHAR(40)        NOT NULL,
    ActorKind       NVARCHAR(20)        NOT NULL,
    ActorId         NVARCHAR(200)       NULL,
    OnBehalfOf      NVARCHAR(200)       NULL,
    Change          NVARCHAR(MAX)       NULL
);
CREATE INDEX IX_BookingHistory_BookingId ON dbo.BookingHistory (BookingId, OccurredAt);

-- The outbox of messages to customers; a due row is claimed and marked sent in the database.
CREATE TABLE dbo.Notifications (
    Id              UNIQUEIDENTIFIER    NOT NULL CONSTRAINT PK_Notifications PRIMARY KEY,
    BookingId       UNIQUEIDENTIFIER    NOT NULL CONSTRAINT FK_Notifications_Bookings REFERENCES dbo.Bookings (Id) ON DELETE CASCADE,
    Kind            NVARCHAR(40)        NOT NULL,
    Channel         NVARCHAR(20)        NOT NULL,
    DueAt           DATETIMEOFFSET(0)   NOT NULL,
    ClaimedUntil    DATETIMEOFFSET(3)   NULL,
    SentAt          DATETIMEOFFSET(3)   NULL,
    Attempts        INT                 NOT NULL CONSTRAINT DF_Notifications_Attempts DEFAULT 0,
    LastError       NVARCHAR(2000)      NULL,
    CreatedAt       DATETIMEOFFSET(3)   NOT NULL
);
CREATE INDEX IX_Notifications_Due ON dbo.Notifications (SentAt, DueAt);
CREATE INDEX IX_Notifications_BookingId ON dbo.Notifications (BookingId);

-- Replays of POSTs that carried an Idempotency-Key, per caller (portal client or anonymous).
CREATE TABLE dbo.IdempotencyKeys (
    Scope           NVARCHAR(200)       NOT NULL,
    IdempotencyKey  NVARCHAR(200)       NOT NULL,
    RequestHash     NVARCHAR(64)        NOT NULL,
    StatusCode      INT                 NULL,
    ResponseBody    NVARCHAR(MAX)       NULL,
    Location        NVARCHAR(500)       NULL,
    CreatedAt       DATETIMEOFFSET(3)   NOT NULL,
    ExpiresAt       DATETIMEOFFSET(3)   NOT NULL,
    CONSTRAINT PK_IdempotencyKeys PRIMARY KEY (Scope, IdempotencyKey)
);
CREATE INDEX IX_IdempotencyKeys_ExpiresAt ON dbo.IdempotencyKeys (ExpiresAt);
