-- Privacy and limits. A provider's retention of customer data in days (NULL: Privacy:RetentionDays); when a booking's
-- personal data was removed (NULL: not yet), with a filtered index over the bookings still to purge; the address a
-- hold came from, and indexes for counting a caller's live holds (RateLimits:*:LiveHolds).
ALTER TABLE dbo.Providers ADD RetentionDays INT NULL
    CONSTRAINT CK_Providers_RetentionDays CHECK (RetentionDays BETWEEN 1 AND 3650);
ALTER TABLE dbo.Bookings ADD AnonymizedAt DATETIMEOFFSET(3) NULL;
CREATE INDEX IX_Bookings_Retention ON dbo.Bookings (ProviderId, EndsAt) WHERE AnonymizedAt IS NULL;
ALTER TABLE dbo.Holds ADD ClientAddress NVARCHAR(64) NULL;
CREATE INDEX IX_Holds_ClientAddress ON dbo.Holds (ClientAddress, ExpiresAt);
CREATE INDEX IX_Holds_ClientId ON dbo.Holds (ClientId, ExpiresAt);
