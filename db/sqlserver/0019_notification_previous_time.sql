-- A change message says what changed: the booking's time and channel before the change, kept on the message's row
-- as its new time is (a later change does not rewrite an earlier message).
ALTER TABLE dbo.Notifications ADD PreviousStartsAt DATETIMEOFFSET(0) NULL, PreviousEndsAt DATETIMEOFFSET(0) NULL,
    PreviousChannel NVARCHAR(20) NULL;
