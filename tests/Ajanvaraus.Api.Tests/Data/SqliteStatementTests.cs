using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Ajanvaraus.Api.Tests.Data;

public sealed class SqliteStatementTests
{
    [Fact]
    public async Task EverySqliteQueryInTheCodeCompilesAgainstTheSchema()
    {
        await using var app = new AjanvarausApp();
        _ = app.CreateClient();
        await using var connection = (SqliteConnection)await app.Db.OpenAsync(TestContext.Current.CancellationToken);

        var failures = new List<string>();
        foreach (var (name, text) in SqlTexts.ForSqlite())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = text;
            try
            {
                // Prepare compiles every statement of the text against the schema without running it.
                command.Prepare();
            }
            catch (SqliteException ex)
            {
                failures.Add($"{name}: {ex.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
