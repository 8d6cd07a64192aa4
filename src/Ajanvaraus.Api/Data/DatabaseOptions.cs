using System.ComponentModel.DataAnnotations;

namespace Ajanvaraus.Api.Data;

internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    public Dialect Provider { get; set; } = Dialect.Sqlite;

    [Required]
    public string ConnectionString { get; set; } = "Data Source=ajanvaraus.db";

    public const int DefaultMigrationLockSeconds = 120;

    // SQL Server: how long an instance waits for another's migration before it gives up (a long migration needs more).
    [Range(1, 86_400)]
    public int MigrationLockSeconds { get; set; } = DefaultMigrationLockSeconds;
}
