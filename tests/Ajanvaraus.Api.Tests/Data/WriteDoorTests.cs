using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Data;

// One door to a write: Db.WriteAsync and its scope. Nothing else in the service can begin a transaction or run a
// statement on a connection outside one (a second door would skip the retry, the writer queue and the change log).
public sealed partial class WriteDoorTests
{
    [Fact]
    public void OnlyTheWriteScopeHandsOutATransaction()
    {
        var handsOut = typeof(Db).Assembly.GetTypes()
            .Where(t => !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute))
                && !(t.DeclaringType?.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) ?? false))
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static
                | BindingFlags.DeclaredOnly))
            .Where(m => !IsPrivate(m) && Returns(m) is { } type && (typeof(DbTransaction).IsAssignableFrom(type)
                || (type.IsGenericType && type.GetGenericArguments().Any(typeof(DbTransaction).IsAssignableFrom))))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();

        Assert.Equal(["WriteScope.Transaction", "WriteScope.get_Transaction"], handsOut.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NoSourceOutsideDataBeginsATransactionOrRunsAStatementOnABareConnection()
    {
        var src = Path.Combine(RepositoryRoot.Path, "src", "Ajanvaraus.Api");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Data{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(src, f), Line: i + 1, Text: line)))
            .Where(l => BareWrite().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    // A transaction begun by hand, or Dapper's Execute on a connection (reads are Query*, writes go through the scope).
    [GeneratedRegex(@"BeginTransaction|\b(c|connection|session)\.Execute(Async)?\(|new WriteScope\(")]
    private static partial Regex BareWrite();

    private static bool IsPrivate(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPrivate,
        PropertyInfo property => property.GetMethod?.IsPrivate ?? true,
        FieldInfo field => field.IsPrivate,
        _ => true,
    };

    private static Type? Returns(MemberInfo member) => member switch
    {
        MethodInfo method => method.ReturnType,
        PropertyInfo property => property.PropertyType,
        FieldInfo field => field.FieldType,
        _ => null,
    };
}
