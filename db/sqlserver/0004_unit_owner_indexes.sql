-- Most booked units belong to a booking and none to a hold, or the other way round: index only the rows that have
-- an owner of each kind. The purge of expired holds and the retention purge of bookings find their units here.
DROP INDEX IX_BookedUnits_BookingId ON dbo.BookedUnits;
DROP INDEX IX_BookedUnits_HoldId ON dbo.BookedUnits;
CREATE INDEX IX_BookedUnits_BookingId ON dbo.BookedUnits (BookingId) WHERE BookingId IS NOT NULL;
CREATE INDEX IX_BookedUnits_HoldId ON dbo.BookedUnits (HoldId) WHERE HoldId IS NOT NULL;
