using System.Reflection;
using Ajanvaraus.Api.Data;

namespace Ajanvaraus.Api.Tests.Data;

// Every SQL text in the service: by convention a `const string …Sql` (both dialects) or a `static readonly DialectSql
// …Sql` (one text per dialect) on the class that runs it.
public static class SqlTexts
{
    public static IReadOnlyList<(string Name, string Text)> ForSqlServer() => Collect(Dialect.SqlServer);

    public static IReadOnlyList<(string Name, string Text)> ForSqlite() => Collect(Dialect.Sqlite);

    private static List<(string Name, string Text)> Collect(Dialect dialect)
    {
        var texts = new List<(string, string)>();
        foreach (var type in typeof(Db).Assembly.GetTypes())
        {
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            {
                if (!field.Name.EndsWith("Sql", StringComparison.Ordinal))
                {
                    continue;
                }

                var name = $"{type.Name}.{field.Name}";
                switch (field.GetValue(null))
                {
                    case string text:
                        texts.Add((name, text));
                        break;
                    case DialectSql pair:
                        texts.Add((name, dialect == Dialect.SqlServer ? pair.SqlServer : pair.Sqlite));
                        break;
                }
            }
        }

        return texts;
    }
}
