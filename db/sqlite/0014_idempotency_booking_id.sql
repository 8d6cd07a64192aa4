-- An idempotency key remembers the booking it made, not an HTTP answer (status and Location): the flow builds the
-- answer itself, and the privacy purge finds a booking's keys by its id. Keys live a day; those in flight carry over.
ALTER TABLE IdempotencyKeys ADD COLUMN BookingId TEXT NULL;
UPDATE IdempotencyKeys SET BookingId = substr(Location, 18) WHERE Location LIKE '/api/v1/bookings/%';
ALTER TABLE IdempotencyKeys DROP COLUMN Location;
ALTER TABLE IdempotencyKeys DROP COLUMN StatusCode;
CREATE INDEX IX_IdempotencyKeys_BookingId ON IdempotencyKeys (BookingId) WHERE BookingId IS NOT NULL;
