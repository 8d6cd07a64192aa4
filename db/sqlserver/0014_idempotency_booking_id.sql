-- An idempotency key remembers the booking it made, not an HTTP answer (status and Location): the flow builds the
-- answer itself, and the privacy purge finds a booking's keys by its id. Keys live a day; those in flight carry over.
-- One batch: the statements that name the new column run through sp_executesql, compiled after the column exists.
ALTER TABLE dbo.IdempotencyKeys ADD BookingId UNIQUEIDENTIFIER NULL;
EXEC sp_executesql N'UPDATE dbo.IdempotencyKeys SET BookingId = TRY_CAST(SUBSTRING(Location, 18, 36) AS UNIQUEIDENTIFIER)
    WHERE Location LIKE N''/api/v1/bookings/%''';
ALTER TABLE dbo.IdempotencyKeys DROP COLUMN Location, StatusCode;
EXEC sp_executesql N'CREATE INDEX IX_IdempotencyKeys_BookingId ON dbo.IdempotencyKeys (BookingId) WHERE BookingId IS NOT NULL';
