-- Seekable, covering reads (issue 25). IX_Bookings_Provider carries what a provider's booking list and the conflicts
-- query filter on, so neither looks up every candidate booking's row; the dispatcher's claim reads ClaimedUntil of
-- each due candidate from IX_Notifications_Due instead of a key lookup per row. Offline rebuilds (ONLINE = ON needs
-- Enterprise): run this release's `migrate` in a quiet hour on a large installation.
DROP INDEX IX_Bookings_Provider ON dbo.Bookings;
CREATE INDEX IX_Bookings_Provider ON dbo.Bookings (ProviderId, StartsAt) INCLUDE (ExpertId, ServicePointId, Status, EndsAt, Channel);
DROP INDEX IX_Notifications_Due ON dbo.Notifications;
CREATE INDEX IX_Notifications_Due ON dbo.Notifications (Channel, NextAttemptAt, Id) INCLUDE (ClaimedUntil)
    WHERE Status IN (N'pending', N'failed');
