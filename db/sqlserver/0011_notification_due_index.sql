-- The dispatcher's claim reads the oldest due rows of one channel: with (Channel, NextAttemptAt, Id) over the
-- pending and failed rows only (a filtered index; the claim repeats its filter literally, so the optimizer may use it),
-- it reads them in order and stops at the batch, where (Status, NextAttemptAt) sorted every due row of both channels
-- first. Dead rows keep an index of their own for the health check.
DROP INDEX IX_Notifications_Due ON dbo.Notifications;
CREATE INDEX IX_Notifications_Due ON dbo.Notifications (Channel, NextAttemptAt, Id) WHERE Status IN (N'pending', N'failed');
CREATE INDEX IX_Notifications_Dead ON dbo.Notifications (Id) WHERE Status = N'dead';
-- A claim reads back its rows by token inside its transaction: without an index that was a scan of the whole outbox
-- while holding the claim's locks. Only claimed rows carry a token, so the index stays small.
CREATE INDEX IX_Notifications_ClaimToken ON dbo.Notifications (ClaimToken) WHERE ClaimToken IS NOT NULL;
