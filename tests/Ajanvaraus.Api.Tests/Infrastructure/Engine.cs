namespace Ajanvaraus.Api.Tests.Infrastructure;

// The database engine a test app runs on.
public enum Engine
{
    Sqlite,
    SqlServer,
}

public static class Engines
{
    public const string SqlServerVariable = "AJANVARAUS_TEST_SQLSERVER";

    // Both engines, for [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))].
    public static TheoryData<Engine> All => new(Engine.Sqlite, Engine.SqlServer);

    public static string? SqlServerConnectionString => Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } cs ? cs : null;

    // Skips the running test, with the reason shown, when its engine is not available here.
    public static void SkipUnlessAvailable(Engine engine)
    {
        if (engine == Engine.SqlServer && SqlServerConnectionString is null)
        {
            Assert.Skip($"SQL Server suite: set {SqlServerVariable} to a connection string (docker compose up -d sqlserver; see README).");
        }
    }
}
