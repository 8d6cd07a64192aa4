using System.Data.Common;
using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.ServicePoints;

internal sealed partial class ServicePointStore
{
    internal const string InsertSql = """
        INSERT INTO ServicePoints (Id, NameFi, NameSv, NameEn, MunicipalityCode, StreetAddress, PostalCode, PostOffice,
            TimeZone, AccessibilityFi, AccessibilitySv, AccessibilityEn, CreatedAt, UpdatedAt)
        VALUES (@Id, @NameFi, @NameSv, @NameEn, @MunicipalityCode, @StreetAddress, @PostalCode, @PostOffice,
            @TimeZone, @AccessibilityFi, @AccessibilitySv, @AccessibilityEn, @Now, @Now)
        """;

    internal const string UpdateSql = """
        UPDATE ServicePoints SET NameFi = @NameFi, NameSv = @NameSv, NameEn = @NameEn, MunicipalityCode = @MunicipalityCode,
            StreetAddress = @StreetAddress, PostalCode = @PostalCode, PostOffice = @PostOffice, TimeZone = @TimeZone,
            AccessibilityFi = @AccessibilityFi, AccessibilitySv = @AccessibilitySv, AccessibilityEn = @AccessibilityEn, UpdatedAt = @Now
        WHERE Id = @Id
        """;

    internal const string DeleteOpeningHoursSql = """
        DELETE FROM ServicePointOpeningHours WHERE ServicePointId = @Id
        """;

    internal const string InsertOpeningHoursSql = """
        INSERT INTO ServicePointOpeningHours (ServicePointId, Weekday, Opens, Closes) VALUES (@ServicePointId, @Weekday, @Opens, @Closes)
        """;

    internal const string DeleteProvidersSql = """
        DELETE FROM ServicePointProviders WHERE ServicePointId = @Id
        """;

    internal const string InsertProviderSql = """
        INSERT INTO ServicePointProviders (ServicePointId, ProviderId) VALUES (@ServicePointId, @ProviderId)
        """;

    // Video rooms do not cascade with their point (bookings refer to them): they go first, in the same transaction.
    internal const string DeleteVideoRoomsOfPointSql = """
        DELETE FROM VideoRooms WHERE ServicePointId = @Id
        """;

    internal const string DeleteSql = """
        DELETE FROM ServicePoints WHERE Id = @Id
        """;

    /// <summary>Inserts the point with its hours and providers in one transaction.</summary>
    public Task<PointWrite> InsertAsync(ServicePointRow row, IReadOnlyList<OpeningHoursRow> hours, IReadOnlyList<string> providers, CancellationToken ct) =>
        WriteAsync(InsertSql, row, hours, providers, ct);

    /// <summary>Replaces the point's fields, hours and providers in one transaction.</summary>
    public Task<PointWrite> UpdateAsync(ServicePointRow row, IReadOnlyList<OpeningHoursRow> hours, IReadOnlyList<string> providers, CancellationToken ct) =>
        WriteAsync(UpdateSql, row, hours, providers, ct);

    /// <summary>Deleted, NotFound, or InUse when bookings, holds or availability rules refer to the point or its rooms.</summary>
    public async Task<DeleteOutcome> DeleteAsync(string id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        try
        {
            await c.ExecuteAsync(new CommandDefinition(DeleteVideoRoomsOfPointSql, new { Id = id }, tx, cancellationToken: ct));
            var deleted = await c.ExecuteAsync(new CommandDefinition(DeleteSql, new { Id = id }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return deleted == 1 ? DeleteOutcome.Deleted : DeleteOutcome.NotFound;
        }
        catch (Exception ex) when (Db.IsForeignKeyViolation(ex))
        {
            return DeleteOutcome.InUse;
        }
    }

    private async Task<PointWrite> WriteAsync(string pointSql, ServicePointRow row, IReadOnlyList<OpeningHoursRow> hours, IReadOnlyList<string> providers, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var args = new DynamicParameters(row);
        args.Add("Now", clock.GetUtcNow());
        try
        {
            if (await c.ExecuteAsync(new CommandDefinition(pointSql, args, tx, cancellationToken: ct)) == 0)
            {
                return PointWrite.NotFound;
            }

            await ReplacePartsAsync(c, tx, row.Id, hours, providers, ct);
            await tx.CommitAsync(ct);
            return PointWrite.Written;
        }
        catch (Exception ex) when (Db.IsUniqueViolation(ex))
        {
            return PointWrite.Exists;
        }
        catch (Exception ex) when (Db.IsForeignKeyViolation(ex))
        {
            // A provider was deleted after the handler checked it.
            return PointWrite.UnknownProvider;
        }
    }

    private static async Task ReplacePartsAsync(
        DbConnection c, DbTransaction tx, string id, IReadOnlyList<OpeningHoursRow> hours, IReadOnlyList<string> providers, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(DeleteOpeningHoursSql, new { Id = id }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(DeleteProvidersSql, new { Id = id }, tx, cancellationToken: ct));
        var hourArgs = hours.Select(h => new { ServicePointId = id, h.Weekday, h.Opens, h.Closes }).ToList();
        if (hourArgs.Count > 0)
        {
            await c.ExecuteAsync(new CommandDefinition(InsertOpeningHoursSql, hourArgs, tx, cancellationToken: ct));
        }

        var providerArgs = providers.Select(p => new { ServicePointId = id, ProviderId = p }).ToList();
        if (providerArgs.Count > 0)
        {
            await c.ExecuteAsync(new CommandDefinition(InsertProviderSql, providerArgs, tx, cancellationToken: ct));
        }
    }
}

internal enum PointWrite
{
    Written,
    NotFound,
    Exists,
    UnknownProvider,
}
