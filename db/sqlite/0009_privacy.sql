-- Privacy and limits. A provider's retention of customer data in days (NULL: Privacy:RetentionDays); when a booking's
-- personal data was removed (NULL: not yet), with an index over the bookings still to purge; the address a hold came
-- from, and indexes for counting a caller's live holds (RateLimits:*:LiveHolds).
ALTER TABLE Providers ADD COLUMN RetentionDays INTEGER NULL CHECK (RetentionDays BETWEEN 1 AND 3650);
ALTER TABLE Bookings ADD COLUMN AnonymizedAt TEXT NULL;
CREATE INDEX IX_Bookings_Retention ON Bookings (ProviderId, EndsAt) WHERE AnonymizedAt IS NULL;
ALTER TABLE Holds ADD COLUMN ClientAddress TEXT NULL;
CREATE INDEX IX_Holds_ClientAddress ON Holds (ClientAddress, ExpiresAt);
CREATE INDEX IX_Holds_ClientId ON Holds (ClientId, ExpiresAt);
