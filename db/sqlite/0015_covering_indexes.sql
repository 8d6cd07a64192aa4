-- The same change as db/sqlserver/0015_covering_indexes.sql. SQLite has no INCLUDE: the covered columns trail the key,
-- which keeps the key's order for the seeks and the ORDER BY.
DROP INDEX IX_Bookings_Provider;
CREATE INDEX IX_Bookings_Provider ON Bookings (ProviderId, StartsAt, ExpertId, ServicePointId, Status, EndsAt, Channel);
DROP INDEX IX_Notifications_Due;
CREATE INDEX IX_Notifications_Due ON Notifications (Channel, NextAttemptAt, Id, ClaimedUntil) WHERE Status IN ('pending', 'failed');
