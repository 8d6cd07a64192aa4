-- The change log the in-memory availability index follows (src/…/Search): every transaction that changes windows,
-- booked units or holds appends a row naming the resource (an expert or a video room) and the interval; catalogue
-- changes append a row of kind 'catalogue'. SQLite commits one writer at a time, so Position order is commit order.
CREATE TABLE AvailabilityChanges (
    Position    INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    Kind        TEXT    NOT NULL CHECK (Kind IN ('units', 'windows', 'catalogue')),
    ResourceId  TEXT    NULL,
    FromAt      TEXT    NULL,
    ToAt        TEXT    NULL,
    ChangedAt   TEXT    NOT NULL
);
CREATE INDEX IX_AvailabilityChanges_ChangedAt ON AvailabilityChanges (ChangedAt);

-- The highest position the trim job has deleted: an index that has not read that far rebuilds.
CREATE TABLE AvailabilityChangeTrim (
    Id              INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1),
    TrimmedThrough  INTEGER NOT NULL
);
INSERT INTO AvailabilityChangeTrim (Id, TrimmedThrough) VALUES (1, 0);
