-- A change message says what changed: the booking's time and channel before the change, kept on the message's row
-- as its new time is (a later change does not rewrite an earlier message).
ALTER TABLE Notifications ADD COLUMN PreviousStartsAt TEXT NULL;
ALTER TABLE Notifications ADD COLUMN PreviousEndsAt TEXT NULL;
ALTER TABLE Notifications ADD COLUMN PreviousChannel TEXT NULL;
