namespace Ajanvaraus.Api.Data;

internal enum Dialect
{
    Sqlite,
    SqlServer,
}

// One statement written for both engines, where their SQL differs.
internal sealed record DialectSql(string SqlServer, string Sqlite);
