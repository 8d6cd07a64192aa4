-- Most booked units belong to a booking and none to a hold, or the other way round: index only the rows that have
-- an owner of each kind (partial indexes). The purge of expired holds and the retention purge of bookings use them.
DROP INDEX IX_BookedUnits_BookingId;
DROP INDEX IX_BookedUnits_HoldId;
CREATE INDEX IX_BookedUnits_BookingId ON BookedUnits (BookingId) WHERE BookingId IS NOT NULL;
CREATE INDEX IX_BookedUnits_HoldId ON BookedUnits (HoldId) WHERE HoldId IS NOT NULL;
