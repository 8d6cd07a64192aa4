using Microsoft.Data.SqlClient;

namespace Ajanvaraus.Api.Tests.Infrastructure;

// A fresh database per test app: a temporary SQLite file, or a new SQL Server database dropped afterwards.
public sealed class TestDatabase : IDisposable
{
    private readonly string? sqlServerName;
    private readonly string? masterConnectionString;

    public TestDatabase(Engine engine)
    {
        Engines.SkipUnlessAvailable(engine);
        Engine = engine;
        Directory = System.IO.Directory.CreateTempSubdirectory("ajanvaraus-test-").FullName;
        if (engine == Engine.Sqlite)
        {
            ConnectionString = $"Data Source={Path.Combine(Directory, "ajanvaraus.db")}";
        }
        else
        {
            var builder = new SqlConnectionStringBuilder(Engines.SqlServerConnectionString);
            sqlServerName = $"ajanvaraus_test_{Guid.NewGuid():N}";
            builder.InitialCatalog = "master";
            masterConnectionString = builder.ConnectionString;
            builder.InitialCatalog = sqlServerName;
            ConnectionString = builder.ConnectionString;
        }
    }

    public Engine Engine { get; }

    public string Directory { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (sqlServerName is not null)
        {
            SqlConnection.ClearAllPools();
            using var connection = new SqlConnection(masterConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"IF DB_ID(N'{sqlServerName}') IS NOT NULL BEGIN ALTER DATABASE [{sqlServerName}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{sqlServerName}]; END";
            command.ExecuteNonQuery();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finalising connection; the OS temp cleaner gets it.
        }
    }
}
