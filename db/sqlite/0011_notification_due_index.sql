-- The outbox, rebuilt for the paths that use it most.
-- Clustered on Id (WITHOUT ROWID), as on SQL Server, and so is BookingSecrets: each booking's commit writes one b-tree
-- less per table (a rowid table with a TEXT key keeps the key in a second b-tree), and every page a commit touches goes
-- into the WAL again.
-- The dispatcher's claim reads the oldest due rows of one channel: with (Channel, NextAttemptAt, Id) over the pending
-- and failed rows only, it reads them in order and stops at the batch, where (Status, NextAttemptAt) sorted every due
-- row of both channels first (a backlog of SMS without a gateway made each claim, and so each booking's "dispatch at
-- once", read and sort all of it). A claim reads back its rows by token inside its write transaction: without an index
-- that was a scan of the whole outbox under the write lock; only claimed rows carry a token, so that index stays small.
-- Dead rows keep an index of their own for the health check.
CREATE TABLE Notifications_0011 (
    Id              TEXT    NOT NULL PRIMARY KEY,
    BookingId       TEXT    NOT NULL REFERENCES Bookings (Id) ON DELETE CASCADE,
    Kind            TEXT    NOT NULL,
    Channel         TEXT    NOT NULL,
    Status          TEXT    NOT NULL,
    DueAt           TEXT    NOT NULL,
    NextAttemptAt   TEXT    NOT NULL,
    ClaimToken      TEXT    NULL,
    ClaimedUntil    TEXT    NULL,
    SentAt          TEXT    NULL,
    Attempts        INTEGER NOT NULL DEFAULT 0,
    LastError       TEXT    NULL,
    Sequence        INTEGER NOT NULL,
    StartsAt        TEXT    NOT NULL,
    EndsAt          TEXT    NOT NULL,
    BookingChannel  TEXT    NOT NULL,
    ServicePointId  TEXT    NULL,
    MeetingUrl      TEXT    NULL,
    CreatedAt       TEXT    NOT NULL
) WITHOUT ROWID;
INSERT INTO Notifications_0011 (Id, BookingId, Kind, Channel, Status, DueAt, NextAttemptAt, ClaimToken, ClaimedUntil, SentAt,
                                Attempts, LastError, Sequence, StartsAt, EndsAt, BookingChannel, ServicePointId, MeetingUrl, CreatedAt)
SELECT Id, BookingId, Kind, Channel, Status, DueAt, NextAttemptAt, ClaimToken, ClaimedUntil, SentAt,
       Attempts, LastError, Sequence, StartsAt, EndsAt, BookingChannel, ServicePointId, MeetingUrl, CreatedAt
FROM Notifications;
DROP TABLE Notifications;
ALTER TABLE Notifications_0011 RENAME TO Notifications;
CREATE INDEX IX_Notifications_BookingId ON Notifications (BookingId);
CREATE INDEX IX_Notifications_Due ON Notifications (Channel, NextAttemptAt, Id) WHERE Status IN ('pending', 'failed');
CREATE INDEX IX_Notifications_Dead ON Notifications (Id) WHERE Status = 'dead';
CREATE INDEX IX_Notifications_ClaimToken ON Notifications (ClaimToken) WHERE ClaimToken IS NOT NULL;

CREATE TABLE BookingSecrets_0011 (
    BookingId               TEXT    NOT NULL PRIMARY KEY REFERENCES Bookings (Id) ON DELETE CASCADE,
    ProtectedManageToken    TEXT    NOT NULL
) WITHOUT ROWID;
INSERT INTO BookingSecrets_0011 (BookingId, ProtectedManageToken) SELECT BookingId, ProtectedManageToken FROM BookingSecrets;
DROP TABLE BookingSecrets;
ALTER TABLE BookingSecrets_0011 RENAME TO BookingSecrets;
