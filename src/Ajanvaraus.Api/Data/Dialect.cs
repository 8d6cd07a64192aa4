namespace Ajanvaraus.Api.Data;

internal enum Dialect
{
    Sqlite,
    SqlServer,
}

/// <summary>One statement written for both engines, where their SQL differs.</summary>
internal sealed record DialectSql(string SqlServer, string Sqlite);
