using System.Text.Json;
using Ajanvaraus.Api.Data;
using Dapper;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ajanvaraus.Api.Health;

internal static class HealthExtensions
{
    public const string Ready = "ready";

    public static IServiceCollection AddApiHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Ready]);
        return services;
    }

    // /health/live: the process answers. /health/ready: and its database does too.
    public static WebApplication MapApiHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false,
            ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var healthy = report.Status == HealthStatus.Healthy;
        context.Response.ContentType = healthy ? "application/json" : "application/problem+json";
        var checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString());
        object body = healthy
            ? new { status = report.Status.ToString(), checks }
            : new { type = "about:blank", title = "Service unavailable", status = context.Response.StatusCode,
                detail = "A readiness check failed.", checks };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}

internal sealed class DatabaseHealthCheck(Db db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var connection = await db.OpenAsync(ct);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: ct));
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
