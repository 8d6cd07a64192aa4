-- Calendar feeds out (a secret, hashed token per feed: one expert, one provider or one service point) and busy times
-- in (an expert's own calendars, fetched by URL; their busy intervals cut the expert's windows like absences do).
CREATE TABLE CalendarFeeds (
    Id              TEXT    NOT NULL PRIMARY KEY,
    TokenHash       TEXT    NOT NULL UNIQUE,
    Kind            TEXT    NOT NULL CHECK (Kind IN ('expert', 'provider', 'service_point')),
    ExpertId        TEXT    NULL REFERENCES Experts (Id) ON DELETE CASCADE,
    ProviderId      TEXT    NULL REFERENCES Providers (Id),
    ServicePointId  TEXT    NULL REFERENCES ServicePoints (Id),
    Name            TEXT    NULL,
    Language        TEXT    NOT NULL,
    CreatedAt       TEXT    NOT NULL
);
CREATE INDEX IX_CalendarFeeds_ExpertId ON CalendarFeeds (ExpertId) WHERE ExpertId IS NOT NULL;
CREATE INDEX IX_CalendarFeeds_ProviderId ON CalendarFeeds (ProviderId) WHERE ProviderId IS NOT NULL;
CREATE INDEX IX_CalendarFeeds_ServicePointId ON CalendarFeeds (ServicePointId) WHERE ServicePointId IS NOT NULL;

CREATE TABLE CalendarSources (
    Id              TEXT    NOT NULL PRIMARY KEY,
    ExpertId        TEXT    NOT NULL REFERENCES Experts (Id) ON DELETE CASCADE,
    Name            TEXT    NOT NULL,
    Url             TEXT    NOT NULL,
    ETag            TEXT    NULL,
    LastModified    TEXT    NULL,
    ParsedDay       TEXT    NULL,
    LastAttemptAt   TEXT    NULL,
    LastSuccessAt   TEXT    NULL,
    LastError       TEXT    NULL,
    CreatedAt       TEXT    NOT NULL
);
CREATE INDEX IX_CalendarSources_ExpertId ON CalendarSources (ExpertId);

-- One row per busy interval of a source within the horizon; replaced as a whole by each sync that changed anything.
-- ParsedDay (on CalendarSources) is the first horizon day of the last full parse: a new day fetches without If-None-Match,
-- so recurring events reach the new end of the horizon even when the feed itself is unchanged.
CREATE TABLE CalendarBusyTimes (
    SourceId        TEXT    NOT NULL REFERENCES CalendarSources (Id) ON DELETE CASCADE,
    ExpertId        TEXT    NOT NULL,
    StartsAt        TEXT    NOT NULL,
    EndsAt          TEXT    NOT NULL
);
CREATE INDEX IX_CalendarBusyTimes_SourceId ON CalendarBusyTimes (SourceId);
CREATE INDEX IX_CalendarBusyTimes_Expert ON CalendarBusyTimes (ExpertId, StartsAt);
