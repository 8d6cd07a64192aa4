-- Advisers check customers in; the history says who acted (with the adviser's point or the admin's provider), whether
-- on the customer's behalf, and why.
ALTER TABLE Bookings ADD COLUMN CheckedInAt TEXT NULL;
ALTER TABLE BookingHistory ADD COLUMN ActorScope TEXT NULL;
ALTER TABLE BookingHistory ADD COLUMN Reason TEXT NULL;
