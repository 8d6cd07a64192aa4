using Ajanvaraus.Api.Data;

namespace Ajanvaraus.Api.Availability;

// The materializer's SQL. Every text is bounded by an expert range (a chunk of ChunkSize experts, or one expert),
// so it seeks IX_AvailabilityWindows_Expert / the rules' expert index instead of scanning.
internal sealed partial class WindowMaterializer
{
    // Writers of one expert's availability take that expert's row lock first, so a rule change and the daily job
    // serialise instead of one rebuilding from rules the other is changing (SQLite locks the file anyway).
    // SQL Server: X key locks on the chunk's Experts rows until commit; a new booking of one of them waits there (its
    // foreign-key check reads the row), which is why chunks are small and their transactions short.
    internal const string LockExpertsSql = """
        UPDATE Experts SET IsActive = IsActive WHERE Id >= @FirstExpertId AND Id <= @LastExpertId
        """;

    internal const string ExpertsWithRulesSql = """
        SELECT DISTINCT ExpertId FROM AvailabilityRules ORDER BY ExpertId
        """;

    internal const string ExpertsAtPointSql = """
        SELECT DISTINCT ExpertId FROM AvailabilityRules WHERE ServicePointId = @ServicePointId
        """;

    internal const string RulesSql = """
        SELECT Id, ExpertId, ServicePointId, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone,
               StartTime, EndTime, RecurrenceRule, ValidFrom, ValidUntil
        FROM AvailabilityRules
        WHERE ExpertId >= @FirstExpertId AND ExpertId <= @LastExpertId
          AND ValidFrom <= @LastDay AND (ValidUntil IS NULL OR ValidUntil >= @FirstDay)
        """;

    // Absences and the busy times synced from the experts' own calendars (Calendars/Sources) cut windows the same way.
    internal const string AbsencesSql = """
        SELECT ExpertId, StartsAt, EndsAt
        FROM Absences
        WHERE ExpertId >= @FirstExpertId AND ExpertId <= @LastExpertId AND EndsAt > @Start AND StartsAt < @End
        UNION ALL
        SELECT ExpertId, StartsAt, EndsAt
        FROM CalendarBusyTimes
        WHERE ExpertId >= @FirstExpertId AND ExpertId <= @LastExpertId AND EndsAt > @Start AND StartsAt < @End
        """;

    // Only the points the range's rules name: zones, closures and opening hours.
    internal const string PointZonesSql = """
        SELECT Id, TimeZone FROM ServicePoints
        WHERE Id IN (
            SELECT r.ServicePointId FROM AvailabilityRules r WHERE r.ExpertId >= @FirstExpertId AND r.ExpertId <= @LastExpertId)
        """;

    internal const string ClosuresSql = """
        SELECT ServicePointId, FirstDay, LastDay
        FROM ServicePointClosures
        WHERE LastDay >= @FirstDay AND FirstDay <= @LastDay
          AND ServicePointId IN (
            SELECT r.ServicePointId FROM AvailabilityRules r WHERE r.ExpertId >= @FirstExpertId AND r.ExpertId <= @LastExpertId)
        """;

    internal const string OpeningHoursSql = """
        SELECT ServicePointId, Weekday, Opens, Closes
        FROM ServicePointOpeningHours
        WHERE ServicePointId IN (
            SELECT r.ServicePointId FROM AvailabilityRules r WHERE r.ExpertId >= @FirstExpertId AND r.ExpertId <= @LastExpertId)
        """;

    // SQL Server: a range seek on IX_AvailabilityWindows_Expert; a chunk's ~1,500 rows take key locks, not the table.
    internal const string DeleteWindowsSql = """
        DELETE FROM AvailabilityWindows
        WHERE ExpertId >= @FirstExpertId AND ExpertId <= @LastExpertId AND StartsAt >= @Start
        """;

    // History goes per chunk through the expert index too (EndsAt alone has no index: it scanned the table). A window
    // ending before the horizon also starts before it, so the StartsAt bound keeps the seek without losing a row.
    internal const string DeleteHistorySql = """
        DELETE FROM AvailabilityWindows
        WHERE ExpertId >= @FirstExpertId AND ExpertId <= @LastExpertId AND StartsAt < @Start AND EndsAt < @Start
        """;

    // A chunk's windows in one statement from a JSON array of rows ([ruleId, startsAt, endsAt, expertId, pointId,
    // inPerson, remoteAtPoint, video, phone]) instead of a round trip per row. SQL Server: one insert, key locks on
    // the new rows only (the chunk's own range, already deleted in this transaction).
    internal static readonly DialectSql InsertWindowsSql = new(
        SqlServer: """
            INSERT INTO dbo.AvailabilityWindows
                (RuleId, StartsAt, EndsAt, ExpertId, ServicePointId, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone)
            SELECT j.RuleId, j.StartsAt, j.EndsAt, j.ExpertId, j.ServicePointId,
                   j.AllowsInPerson, j.AllowsRemoteAtPoint, j.AllowsVideo, j.AllowsPhone
            FROM OPENJSON(@Windows) WITH (
                RuleId UNIQUEIDENTIFIER '$[0]', StartsAt DATETIMEOFFSET(0) '$[1]', EndsAt DATETIMEOFFSET(0) '$[2]',
                ExpertId UNIQUEIDENTIFIER '$[3]', ServicePointId NVARCHAR(40) '$[4]', AllowsInPerson BIT '$[5]',
                AllowsRemoteAtPoint BIT '$[6]', AllowsVideo BIT '$[7]', AllowsPhone BIT '$[8]') j
            """,
        Sqlite: """
            INSERT INTO AvailabilityWindows
                (RuleId, StartsAt, EndsAt, ExpertId, ServicePointId, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone)
            SELECT json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'),
                   json_extract(j.value, '$[3]'), json_extract(j.value, '$[4]'), json_extract(j.value, '$[5]'),
                   json_extract(j.value, '$[6]'), json_extract(j.value, '$[7]'), json_extract(j.value, '$[8]')
            FROM json_each(@Windows) j
            """);
}
