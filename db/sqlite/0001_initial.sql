-- Ajanvaraus schema, SQLite dialect. Same tables, keys and column names as db/sqlserver/0001_initial.sql.
-- Types: ids are TEXT (slugs or lower-case GUIDs), instants are TEXT in UTC ('yyyy-MM-ddTHH:mm:ss.fffffffZ',
-- fixed width so text order is time order), local dates 'yyyy-MM-dd', local times 'HH:mm', flags INTEGER 0/1.

CREATE TABLE Providers (
    Id          TEXT    NOT NULL PRIMARY KEY,
    NameFi      TEXT    NOT NULL,
    NameSv      TEXT    NOT NULL,
    NameEn      TEXT    NOT NULL,
    CreatedAt   TEXT    NOT NULL,
    UpdatedAt   TEXT    NOT NULL
);

CREATE TABLE ServicePoints (
    Id                  TEXT    NOT NULL PRIMARY KEY,
    NameFi              TEXT    NOT NULL,
    NameSv              TEXT    NOT NULL,
    NameEn              TEXT    NOT NULL,
    MunicipalityCode    TEXT    NOT NULL,
    StreetAddress       TEXT    NOT NULL,
    PostalCode          TEXT    NOT NULL,
    PostOffice          TEXT    NOT NULL,
    TimeZone            TEXT    NOT NULL,
    AccessibilityFi     TEXT    NULL,
    AccessibilitySv     TEXT    NULL,
    AccessibilityEn     TEXT    NULL,
    CreatedAt           TEXT    NOT NULL,
    UpdatedAt           TEXT    NOT NULL
);
CREATE INDEX IX_ServicePoints_MunicipalityCode ON ServicePoints (MunicipalityCode);

-- Weekday is ISO 8601: 1 = Monday ... 7 = Sunday.
CREATE TABLE ServicePointOpeningHours (
    ServicePointId  TEXT    NOT NULL REFERENCES ServicePoints (Id) ON DELETE CASCADE,
    Weekday         INTEGER NOT NULL CHECK (Weekday BETWEEN 1 AND 7),
    Opens           TEXT    NOT NULL,
    Closes          TEXT    NOT NULL,
    PRIMARY KEY (ServicePointId, Weekday, Opens)
);

CREATE TABLE ServicePointClosures (
    Id              TEXT    NOT NULL PRIMARY KEY,
    ServicePointId  TEXT    NOT NULL REFERENCES ServicePoints (Id) ON DELETE CASCADE,
    FirstDay        TEXT    NOT NULL,
    LastDay         TEXT    NOT NULL,
    Reason          TEXT    NULL
);
CREATE INDEX IX_ServicePointClosures_ServicePointId ON ServicePointClosures (ServicePointId, FirstDay);

CREATE TABLE ServicePointProviders (
    ServicePointId  TEXT    NOT NULL REFERENCES ServicePoints (Id) ON DELETE CASCADE,
    ProviderId      TEXT    NOT NULL REFERENCES Providers (Id),
    PRIMARY KEY (ServicePointId, ProviderId)
);
CREATE INDEX IX_ServicePointProviders_ProviderId ON ServicePointProviders (ProviderId);

CREATE TABLE VideoRooms (
    Id              TEXT    NOT NULL PRIMARY KEY,
    ServicePointId  TEXT    NOT NULL REFERENCES ServicePoints (Id),
    Name            TEXT    NOT NULL,
    IsActive        INTEGER NOT NULL DEFAULT 1,
    CreatedAt       TEXT    NOT NULL
);
CREATE INDEX IX_VideoRooms_ServicePointId ON VideoRooms (ServicePointId);

CREATE TABLE Services (
    Id                          TEXT    NOT NULL PRIMARY KEY,
    ProviderId                  TEXT    NOT NULL REFERENCES Providers (Id),
    NameFi                      TEXT    NOT NULL,
    NameSv                      TEXT    NOT NULL,
    NameEn                      TEXT    NOT NULL,
    DescriptionFi               TEXT    NULL,
    DescriptionSv               TEXT    NULL,
    DescriptionEn               TEXT    NULL,
    DurationMinutes             INTEGER NOT NULL CHECK (DurationMinutes > 0 AND DurationMinutes % 5 = 0),
    AllowsInPerson              INTEGER NOT NULL,
    AllowsRemoteAtPoint         INTEGER NOT NULL,
    AllowsVideo                 INTEGER NOT NULL,
    AllowsPhone                 INTEGER NOT NULL,
    MinimumNoticeMinutes        INTEGER NOT NULL,
    BookingHorizonDays          INTEGER NOT NULL,
    CancellationCutoffMinutes   INTEGER NOT NULL,
    CardFi                      TEXT    NULL,
    CardSv                      TEXT    NULL,
    CardEn                      TEXT    NULL,
    IsActive                    INTEGER NOT NULL DEFAULT 1,
    CreatedAt                   TEXT    NOT NULL,
    UpdatedAt                   TEXT    NOT NULL
);
CREATE INDEX IX_Services_ProviderId ON Services (ProviderId);

CREATE TABLE Experts (
    Id              TEXT    NOT NULL PRIMARY KEY,
    ProviderId      TEXT    NOT NULL REFERENCES Providers (Id),
    DisplayName     TEXT    NOT NULL,
    IsActive        INTEGER NOT NULL DEFAULT 1,
    CreatedAt       TEXT    NOT NULL,
    UpdatedAt       TEXT    NOT NULL
);
CREATE INDEX IX_Experts_ProviderId ON Experts (ProviderId);

CREATE TABLE ExpertLanguages (
    ExpertId        TEXT    NOT NULL REFERENCES Experts (Id) ON DELETE CASCADE,
    Language        TEXT    NOT NULL,
    PRIMARY KEY (ExpertId, Language)
);

CREATE TABLE ExpertServices (
    ExpertId        TEXT    NOT NULL REFERENCES Experts (Id) ON DELETE CASCADE,
    ServiceId       TEXT    NOT NULL REFERENCES Services (Id) ON DELETE CASCADE,
    PRIMARY KEY (ExpertId, ServiceId)
);
CREATE INDEX IX_ExpertServices_ServiceId ON ExpertServices (ServiceId, ExpertId);

-- A rule without RecurrenceRule is a one-off window on ValidFrom. ServicePointId NULL = remote.
CREATE TABLE AvailabilityRules (
    Id                  TEXT    NOT NULL PRIMARY KEY,
    ExpertId            TEXT    NOT NULL REFERENCES Experts (Id) ON DELETE CASCADE,
    ServicePointId      TEXT    NULL REFERENCES ServicePoints (Id),
    AllowsInPerson      INTEGER NOT NULL,
    AllowsRemoteAtPoint INTEGER NOT NULL,
    AllowsVideo         INTEGER NOT NULL,
    AllowsPhone         INTEGER NOT NULL,
    StartTime           TEXT    NOT NULL,
    EndTime             TEXT    NOT NULL,
    RecurrenceRule      TEXT    NULL,
    ValidFrom           TEXT    NOT NULL,
    ValidUntil          TEXT    NULL,
    CreatedAt           TEXT    NOT NULL,
    UpdatedAt           TEXT    NOT NULL
);
CREATE INDEX IX_AvailabilityRules_ExpertId ON AvailabilityRules (ExpertId);

CREATE TABLE Absences (
    Id              TEXT    NOT NULL PRIMARY KEY,
    ExpertId        TEXT    NOT NULL REFERENCES Experts (Id) ON DELETE CASCADE,
    StartsAt        TEXT    NOT NULL,
    EndsAt          TEXT    NOT NULL,
    Reason          TEXT    NULL,
    CreatedAt       TEXT    NOT NULL
);
CREATE INDEX IX_Absences_ExpertId ON Absences (ExpertId, StartsAt);

-- Rules expanded for the rolling horizon, cut by holidays, closures and absences.
CREATE TABLE AvailabilityWindows (
    RuleId              TEXT    NOT NULL REFERENCES AvailabilityRules (Id) ON DELETE CASCADE,
    StartsAt            TEXT    NOT NULL,
    EndsAt              TEXT    NOT NULL,
    ExpertId            TEXT    NOT NULL,
    ServicePointId      TEXT    NULL,
    AllowsInPerson      INTEGER NOT NULL,
    AllowsRemoteAtPoint INTEGER NOT NULL,
    AllowsVideo         INTEGER NOT NULL,
    AllowsPhone         INTEGER NOT NULL,
    PRIMARY KEY (RuleId, StartsAt)
);
-- Both indexes cover what search reads, so a window never costs a second lookup in the table.
CREATE INDEX IX_AvailabilityWindows_Expert ON AvailabilityWindows
    (ExpertId, StartsAt, EndsAt, ServicePointId, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone);
CREATE INDEX IX_AvailabilityWindows_ServicePoint ON AvailabilityWindows
    (ServicePointId, StartsAt, EndsAt, ExpertId, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone);

-- One row per taken 5-minute unit of an expert or a video room. The primary key is what makes a
-- double booking impossible: a second writer of the same unit gets a unique violation.
-- A hold's rows carry ExpiresAt; a booking's rows have it NULL.
-- WITHOUT ROWID: the rows are stored in primary-key order (as SQL Server's clustered primary key does), so
-- search reads a resource's units as one contiguous range instead of one table lookup per unit.
CREATE TABLE BookedUnits (
    ResourceId      TEXT    NOT NULL,
    UnitStart       TEXT    NOT NULL,
    BookingId       TEXT    NULL,
    HoldId          TEXT    NULL,
    ExpiresAt       TEXT    NULL,
    PRIMARY KEY (ResourceId, UnitStart)
) WITHOUT ROWID;
CREATE INDEX IX_BookedUnits_BookingId ON BookedUnits (BookingId);
CREATE INDEX IX_BookedUnits_HoldId ON BookedUnits (HoldId);

CREATE TABLE Holds (
    Id              TEXT    NOT NULL PRIMARY KEY,
    TokenHash       TEXT    NOT NULL,
    ServiceId       TEXT    NOT NULL REFERENCES Services (Id),
    ExpertId        TEXT    NOT NULL REFERENCES Experts (Id),
    ServicePointId  TEXT    NULL REFERENCES ServicePoints (Id),
    VideoRoomId     TEXT    NULL REFERENCES VideoRooms (Id),
    Channel         TEXT    NOT NULL,
    StartsAt        TEXT    NOT NULL,
    EndsAt          TEXT    NOT NULL,
    ExpiresAt       TEXT    NOT NULL,
    ClientId        TEXT    NULL,
    CreatedAt       TEXT    NOT NULL
);
CREATE INDEX IX_Holds_ExpiresAt ON Holds (ExpiresAt);

CREATE TABLE Bookings (
    Id                  TEXT    NOT NULL PRIMARY KEY,
    Reference           TEXT    NOT NULL UNIQUE,
    ProviderId          TEXT    NOT NULL REFERENCES Providers (Id),
    ServiceId           TEXT    NOT NULL REFERENCES Services (Id),
    ExpertId            TEXT    NOT NULL REFERENCES Experts (Id),
    ServicePointId      TEXT    NULL REFERENCES ServicePoints (Id),
    VideoRoomId         TEXT    NULL REFERENCES VideoRooms (Id),
    Channel             TEXT    NOT NULL,
    StartsAt            TEXT    NOT NULL,
    EndsAt              TEXT    NOT NULL,
    Status              TEXT    NOT NULL,
    CustomerName        TEXT    NOT NULL,
    CustomerEmail       TEXT    NULL,
    CustomerPhone       TEXT    NULL,
    CustomerLanguage    TEXT    NOT NULL,
    Notes               TEXT    NULL,
    MeetingUrl          TEXT    NULL,
    ManageTokenHash     TEXT    NOT NULL,
    Sequence            INTEGER NOT NULL DEFAULT 0,
    MadeByKind          TEXT    NOT NULL,
    MadeById            TEXT    NULL,
    CreatedAt           TEXT    NOT NULL,
    UpdatedAt           TEXT    NOT NULL
);
CREATE INDEX IX_Bookings_Provider ON Bookings (ProviderId, StartsAt);
CREATE INDEX IX_Bookings_Expert ON Bookings (ExpertId, StartsAt);
CREATE INDEX IX_Bookings_ServicePoint ON Bookings (ServicePointId, StartsAt);

-- Who changed what, when: ActorKind is citizen, portal, adviser, agency or system.
CREATE TABLE BookingHistory (
    Id              TEXT    NOT NULL PRIMARY KEY,
    BookingId       TEXT    NOT NULL REFERENCES Bookings (Id) ON DELETE CASCADE,
    OccurredAt      TEXT    NOT NULL,
    Action          TEXT    NOT NULL,
    ActorKind       TEXT    NOT NULL,
    ActorId         TEXT    NULL,
    OnBehalfOf      TEXT    NULL,
    Change          TEXT    NULL
);
CREATE INDEX IX_BookingHistory_BookingId ON BookingHistory (BookingId, OccurredAt);

-- The outbox of messages to customers; a due row is claimed and marked sent in the database.
CREATE TABLE Notifications (
    Id              TEXT    NOT NULL PRIMARY KEY,
    BookingId       TEXT    NOT NULL REFERENCES Bookings (Id) ON DELETE CASCADE,
    Kind            TEXT    NOT NULL,
    Channel         TEXT    NOT NULL,
    DueAt           TEXT    NOT NULL,
    ClaimedUntil    TEXT    NULL,
    SentAt          TEXT    NULL,
    Attempts        INTEGER NOT NULL DEFAULT 0,
    LastError       TEXT    NULL,
    CreatedAt       TEXT    NOT NULL
);
CREATE INDEX IX_Notifications_Due ON Notifications (SentAt, DueAt);
CREATE INDEX IX_Notifications_BookingId ON Notifications (BookingId);

-- Replays of POSTs that carried an Idempotency-Key, per caller (portal client or anonymous).
CREATE TABLE IdempotencyKeys (
    Scope           TEXT    NOT NULL,
    IdempotencyKey  TEXT    NOT NULL,
    RequestHash     TEXT    NOT NULL,
    StatusCode      INTEGER NULL,
    ResponseBody    TEXT    NULL,
    Location        TEXT    NULL,
    CreatedAt       TEXT    NOT NULL,
    ExpiresAt       TEXT    NOT NULL,
    PRIMARY KEY (Scope, IdempotencyKey)
);
CREATE INDEX IX_IdempotencyKeys_ExpiresAt ON IdempotencyKeys (ExpiresAt);
