-- The dispatcher's claim reads the oldest due rows of one channel: with (Channel, NextAttemptAt, Id) over the
-- pending and failed rows only, it reads them in order and stops at the batch, where (Status, NextAttemptAt) sorted
-- every due row of both channels first (a backlog of SMS without a gateway made each claim, and so each booking's
-- "dispatch at once", read and sort all of it). Dead rows keep an index of their own for the health check.
DROP INDEX IX_Notifications_Due;
CREATE INDEX IX_Notifications_Due ON Notifications (Channel, NextAttemptAt, Id) WHERE Status IN ('pending', 'failed');
CREATE INDEX IX_Notifications_Dead ON Notifications (Id) WHERE Status = 'dead';
-- A claim reads back its rows by token inside its write transaction: without an index that was a scan of the whole
-- outbox under the write lock. Only claimed rows carry a token, so the index stays small.
CREATE INDEX IX_Notifications_ClaimToken ON Notifications (ClaimToken) WHERE ClaimToken IS NOT NULL;
