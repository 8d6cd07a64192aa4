using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Statistics;

internal sealed record StatisticsSources(
    IReadOnlyList<BookingCounts> Bookings, IReadOnlyList<MedianLead> Medians, IReadOnlyList<PublishedMinutes> Published,
    IReadOnlyList<EventCounts> Events);

internal sealed class StatisticsStore(Db db)
{
    // The four reads are independent: each on its own connection, at the same time (SQLite's WAL readers do not wait for
    // one another, nor for the writer).
    public async Task<StatisticsSources> ReadAsync(StatisticsFilter filter, CancellationToken ct)
    {
        var args = filter.Group.Flags(filter);
        var bookings = QueryAsync<BookingCounts>(StatisticsSql.BookingsSql, args, ct);
        var medians = QueryAsync<MedianLead>(StatisticsSql.MedianLeadSql, args, ct);
        var published = QueryAsync<PublishedMinutes>(StatisticsSql.PublishedSql, args, ct);
        var events = QueryAsync<EventCounts>(StatisticsSql.EventsSql, args, ct);
        return new StatisticsSources(await bookings, await medians, await published, await events);
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(DialectSql sql, object args, CancellationToken ct)
    {
        await Task.Yield();
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<T>(new CommandDefinition(db.Sql(sql), args, cancellationToken: ct))).AsList();
    }
}
