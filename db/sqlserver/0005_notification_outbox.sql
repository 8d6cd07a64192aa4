-- The outbox of messages to customers, in the shape the dispatcher needs. 0001's Notifications table was never
-- written to, so it is replaced rather than altered. Each row is one message on one channel; it carries the booking's
-- time and place as they were when the message was written, so a later change does not rewrite an earlier message.
-- Status: pending (due at NextAttemptAt), failed (an attempt failed; retried at NextAttemptAt), dead (out of
-- attempts), sent, unaddressed (the customer gave neither an e-mail address nor a phone number).
-- A claim is ClaimToken + ClaimedUntil: a dispatcher that dies after claiming leaves the row to the next after that.
DROP TABLE dbo.Notifications;
CREATE TABLE dbo.Notifications (
    Id              UNIQUEIDENTIFIER    NOT NULL CONSTRAINT PK_Notifications PRIMARY KEY,
    BookingId       UNIQUEIDENTIFIER    NOT NULL CONSTRAINT FK_Notifications_Bookings REFERENCES dbo.Bookings (Id) ON DELETE CASCADE,
    Kind            NVARCHAR(20)        NOT NULL,
    Channel         NVARCHAR(12)        NOT NULL,
    Status          NVARCHAR(12)        NOT NULL,
    DueAt           DATETIMEOFFSET(3)   NOT NULL,
    NextAttemptAt   DATETIMEOFFSET(3)   NOT NULL,
    ClaimToken      UNIQUEIDENTIFIER    NULL,
    ClaimedUntil    DATETIMEOFFSET(3)   NULL,
    SentAt          DATETIMEOFFSET(3)   NULL,
    Attempts        INT                 NOT NULL CONSTRAINT DF_Notifications_Attempts DEFAULT 0,
    LastError       NVARCHAR(2000)      NULL,
    Sequence        INT                 NOT NULL,
    StartsAt        DATETIMEOFFSET(0)   NOT NULL,
    EndsAt          DATETIMEOFFSET(0)   NOT NULL,
    BookingChannel  NVARCHAR(20)        NOT NULL,
    ServicePointId  NVARCHAR(40)        NULL,
    MeetingUrl      NVARCHAR(500)       NULL,
    CreatedAt       DATETIMEOFFSET(3)   NOT NULL
);
CREATE INDEX IX_Notifications_Due ON dbo.Notifications (Status, NextAttemptAt);
CREATE INDEX IX_Notifications_BookingId ON dbo.Notifications (BookingId);

-- The manage token, encrypted with Data Protection, for the links in messages (the booking keeps only its hash).
CREATE TABLE dbo.BookingSecrets (
    BookingId               UNIQUEIDENTIFIER    NOT NULL CONSTRAINT PK_BookingSecrets PRIMARY KEY
                            CONSTRAINT FK_BookingSecrets_Bookings REFERENCES dbo.Bookings (Id) ON DELETE CASCADE,
    ProtectedManageToken    NVARCHAR(1000)      NOT NULL
);

-- ASP.NET Core Data Protection's key ring, shared by every instance on this database.
CREATE TABLE dbo.DataProtectionKeys (
    FriendlyName    NVARCHAR(200)       NOT NULL CONSTRAINT PK_DataProtectionKeys PRIMARY KEY,
    Xml             NVARCHAR(MAX)       NOT NULL,
    CreatedAt       DATETIMEOFFSET(3)   NOT NULL
);
