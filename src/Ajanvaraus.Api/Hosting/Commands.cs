using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Demo;
using Ajanvaraus.Api.Identity;

namespace Ajanvaraus.Api.Hosting;

// The service's command-line verbs: `migrate`, `seed-demo`, `materialize-windows`, `token --role …`. No verb: run the
// service.
internal static class Commands
{
    public static async Task<int?> RunCommandAsync(this WebApplication app, string[] args, TextWriter output, TextWriter error)
    {
        switch (args.FirstOrDefault())
        {
            case "migrate":
                if (app.Services.GetRequiredService<SchemaMigrator>().TryMigrate(error, installJobSchema: true) is not { } applied)
                {
                    return 1;
                }

                output.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied: {string.Join(", ", applied)}");
                return 0;
            case "materialize-windows":
                app.Services.GetRequiredService<SchemaMigrator>().Migrate();
                var started = System.Diagnostics.Stopwatch.StartNew();
                var windows = await app.Services.GetRequiredService<WindowMaterializer>().ExtendAllAsync(CancellationToken.None);
                output.WriteLine($"Materialised {windows} availability windows in {started.Elapsed.TotalSeconds:0.0} s.");
                return 0;
            case "seed-demo":
                app.Services.GetRequiredService<SchemaMigrator>().Migrate();
                await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(output, CancellationToken.None);
                return 0;
            case "token":
                return Token(app.Services.GetRequiredService<TokenIssuer>(), args[1..], output, error);
            default:
                return null;
        }
    }

    public static int Token(TokenIssuer issuer, string[] args, TextWriter output, TextWriter error)
    {
        if (issuer.Refusal is { } refusal)
        {
            error.WriteLine($"token: {refusal}");
            return 2;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        var request = new TokenRequest(
            Role: options.GetValueOrDefault("--role", ""),
            Provider: options.GetValueOrDefault("--provider"),
            ServicePoint: options.GetValueOrDefault("--service-point"),
            Client: options.GetValueOrDefault("--client"),
            Subject: options.GetValueOrDefault("--subject"));
        if (args.Length % 2 != 0 || TokenIssuer.Problem(request) is not null)
        {
            error.WriteLine($"token: {TokenIssuer.Problem(request) ?? "options come in pairs"}");
            error.WriteLine("usage: token --role operator|agency_admin|adviser|portal [--provider ID] [--service-point ID] [--client ID] [--subject SUB]");
            return 2;
        }

        output.WriteLine(issuer.Issue(request));
        return 0;
    }
}
