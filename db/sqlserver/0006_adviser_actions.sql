-- Advisers check customers in; the history says who acted (with the adviser's point or the admin's provider), whether
-- on the customer's behalf, and why.
ALTER TABLE dbo.Bookings ADD CheckedInAt DATETIMEOFFSET(3) NULL;
ALTER TABLE dbo.BookingHistory ADD ActorScope NVARCHAR(40) NULL, Reason NVARCHAR(500) NULL;
