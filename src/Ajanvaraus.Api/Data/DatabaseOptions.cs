using System.ComponentModel.DataAnnotations;

namespace Ajanvaraus.Api.Data;

internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    public Dialect Provider { get; set; } = Dialect.Sqlite;

    [Required]
    public string ConnectionString { get; set; } = "Data Source=ajanvaraus.db";
}
