-- A purged booking's manage token no longer opens it: the purge now clears the hash (RetentionPurge); bookings purged
-- before this release lose theirs here (issue 22).
UPDATE dbo.Bookings SET ManageTokenHash = N'' WHERE AnonymizedAt IS NOT NULL AND ManageTokenHash <> N'';
