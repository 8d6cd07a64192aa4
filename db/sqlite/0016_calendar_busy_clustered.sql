-- The same change as db/sqlserver/0016_calendar_busy_clustered.sql: the busy times clustered on (SourceId, StartsAt,
-- EndsAt), as a WITHOUT ROWID table (SQLite cannot add a primary key to a table: it is rebuilt and renamed).
CREATE TABLE CalendarBusyTimesClustered (
    SourceId        TEXT    NOT NULL REFERENCES CalendarSources (Id) ON DELETE CASCADE,
    ExpertId        TEXT    NOT NULL,
    StartsAt        TEXT    NOT NULL,
    EndsAt          TEXT    NOT NULL,
    PRIMARY KEY (SourceId, StartsAt, EndsAt)
) WITHOUT ROWID;
INSERT OR IGNORE INTO CalendarBusyTimesClustered (SourceId, ExpertId, StartsAt, EndsAt)
SELECT SourceId, ExpertId, StartsAt, EndsAt FROM CalendarBusyTimes;
DROP TABLE CalendarBusyTimes;
ALTER TABLE CalendarBusyTimesClustered RENAME TO CalendarBusyTimes;
CREATE INDEX IX_CalendarBusyTimes_Expert ON CalendarBusyTimes (ExpertId, StartsAt);
