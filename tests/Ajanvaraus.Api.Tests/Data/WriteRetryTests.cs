using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Ajanvaraus.Api.Tests.Data;

// Db.WriteAsync, the one door to a write: a transient failure runs the whole transaction again; the work lands once.
public sealed class WriteRetryTests
{
    private const int SqliteBusy = 5;

    [Fact]
    public async Task AWriteThatFailsTransientlyTwiceIsRetriedAndLandsOnce()
    {
        await using var app = new AjanvarausApp();
        _ = app.CreateClient();
        var attempts = 0;

        var result = await app.Db.WriteAsync(async scope =>
        {
            attempts++;
            await scope.ExecuteAsync(
                "INSERT INTO Providers (Id, NameFi, NameSv, NameEn, CreatedAt, UpdatedAt) VALUES ('retry', 'R', 'R', 'R', '', '')");
            if (attempts <= 2)
            {
                throw new SqliteException("database is locked", SqliteBusy);
            }

            return attempts;
        }, TestContext.Current.CancellationToken);

        Assert.Equal(3, result);
        await using var check = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await check.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Providers WHERE Id = 'retry'"));
    }

    [Fact]
    public async Task AWriteThatFailsForAnotherReasonIsNotRetried()
    {
        await using var app = new AjanvarausApp();
        _ = app.CreateClient();
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Db.WriteAsync<int>(_ =>
        {
            attempts++;
            throw new InvalidOperationException("not transient");
        }, TestContext.Current.CancellationToken));

        Assert.Equal(1, attempts);
    }
}
