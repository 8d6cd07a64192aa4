-- CalendarBusyTimes was a heap: each sync's replace deleted up to 20,000 rows found through a nonclustered index and
-- RID lookups, and freed pages stayed with the heap. Clustered on (SourceId, StartsAt, EndsAt) — a sync's rows are one
-- range of the key, and the parser gives each interval of a source once (duplicates of old data removed first).
WITH Repeated AS (
    SELECT ROW_NUMBER() OVER (PARTITION BY SourceId, StartsAt, EndsAt ORDER BY ExpertId) AS Copy FROM dbo.CalendarBusyTimes)
DELETE FROM Repeated WHERE Copy > 1;
DROP INDEX IX_CalendarBusyTimes_SourceId ON dbo.CalendarBusyTimes;
ALTER TABLE dbo.CalendarBusyTimes ADD CONSTRAINT PK_CalendarBusyTimes PRIMARY KEY CLUSTERED (SourceId, StartsAt, EndsAt);
