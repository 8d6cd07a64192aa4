-- The outbox of messages to customers, in the shape the dispatcher needs. 0001's Notifications table was never
-- written to, so it is replaced rather than altered. Each row is one message on one channel; it carries the booking's
-- time and place as they were when the message was written, so a later change does not rewrite an earlier message.
-- Status: pending (due at NextAttemptAt), failed (an attempt failed; retried at NextAttemptAt), dead (out of
-- attempts), sent, unaddressed (the customer gave neither an e-mail address nor a phone number).
-- A claim is ClaimToken + ClaimedUntil: a dispatcher that dies after claiming leaves the row to the next after that.
DROP TABLE Notifications;
CREATE TABLE Notifications (
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
);
CREATE INDEX IX_Notifications_Due ON Notifications (Status, NextAttemptAt);
CREATE INDEX IX_Notifications_BookingId ON Notifications (BookingId);

-- The manage token, encrypted with Data Protection, for the links in messages (the booking keeps only its hash).
CREATE TABLE BookingSecrets (
    BookingId               TEXT    NOT NULL PRIMARY KEY REFERENCES Bookings (Id) ON DELETE CASCADE,
    ProtectedManageToken    TEXT    NOT NULL
);

-- ASP.NET Core Data Protection's key ring, shared by every instance on this database.
CREATE TABLE DataProtectionKeys (
    FriendlyName    TEXT    NOT NULL PRIMARY KEY,
    Xml             TEXT    NOT NULL,
    CreatedAt       TEXT    NOT NULL
);
