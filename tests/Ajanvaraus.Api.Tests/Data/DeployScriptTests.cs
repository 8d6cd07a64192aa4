using System.Text.RegularExpressions;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Ajanvaraus.Api.Tests.Data;

// deploy/sqlserver/setup.sql (the administrator's step) and the order docker-compose.yml runs the deploy steps in.
public sealed partial class DeployScriptTests
{
    private static string Root(params string[] parts) => Path.Combine([RepositoryRoot.Path, .. parts]);

    [Fact]
    public void TheSetupScriptParsesTurnsOnReadCommittedSnapshotAndGivesTheEverydayLoginNoDdl()
    {
        // sqlcmd's variables, as compose passes them.
        var script = SqlcmdVariable().Replace(File.ReadAllText(Root("deploy", "sqlserver", "setup.sql")), m => m.Groups[1].Value switch
        {
            "Database" => "Ajanvaraus", "AppLogin" => "ajanvaraus_app", _ => "secret",
        });

        var rcsi = TSql.All<AlterDatabaseSetStatement>(script).SelectMany(s => s.Options).OfType<OnOffDatabaseOption>()
            .Single(o => o.OptionKind == DatabaseOptionKind.ReadCommittedSnapshot);
        Assert.Equal(OptionState.On, rcsi.OptionState);
        var roles = TSql.All<AlterRoleStatement>(script).Select(r => r.Name.Value).ToList();
        Assert.Equal(["db_datareader", "db_datawriter"], roles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ComposeRunsSetupThenMigrateThenTheApiWithTheEverydayLogin()
    {
        var compose = File.ReadAllText(Root("docker-compose.yml"));

        Assert.Matches(@"sqlserver-setup:[\s\S]*?/deploy/setup\.sql", compose);
        Assert.Matches(@"migrate:[\s\S]*?command: \[""migrate""\][\s\S]*?sqlserver-setup:\s+condition: service_completed_successfully", compose);
        var api = compose[compose.IndexOf("\n  api:", StringComparison.Ordinal)..];
        Assert.Matches(@"migrate:\s+condition: service_completed_successfully", api);
        Assert.Contains("User Id=ajanvaraus_app", api, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\$\((\w+)\)")]
    private static partial Regex SqlcmdVariable();
}
