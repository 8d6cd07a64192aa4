using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ajanvaraus.Api.Tests.Calendars;

// A real HTTP server on 127.0.0.1 (a free port) serving calendar fixtures: what the service fetches in tests. A path
// with an ETag answers 304 to its If-None-Match; /loop redirects to itself; /big is 6 MB; a path set to trickle sends
// its headers and then a byte every 200 ms until the client gives up; /redirect?to= redirects there; /{dir}/{name} serves {name}.
public sealed class FixtureServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, (string Body, string? ETag)> files = new();
    private readonly ConcurrentDictionary<string, bool> trickling = new();

    private FixtureServer(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    public ConcurrentDictionary<string, int> Hits { get; } = new();

    public ConcurrentDictionary<string, int> NotModified { get; } = new();

    // When each path was first asked for (the wall clock).
    public ConcurrentDictionary<string, DateTime> FirstHitAt { get; } = new();

    public static async Task<FixtureServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new FixtureServer(builder.Build());
        server.app.MapGet("/loop", (HttpContext http) => Results.Redirect("/loop"));
        server.app.MapGet("/big", () => Results.Text("BEGIN:VCALENDAR\r\n" + new string('X', 6 * 1024 * 1024), "text/calendar"));
        server.app.MapGet("/redirect", (string to) => Results.Redirect(to));
        server.app.MapGet("/{name}", (string name, HttpContext http) => server.ServeAsync(name, http));
        server.app.MapGet("/{dir}/{name}", (string name, HttpContext http) => server.ServeAsync(name, http));
        await server.app.StartAsync();
        server.BaseUrl = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public string Url(string name) => $"{BaseUrl}/{name}";

    public void Set(string name, string body, string? etag = null)
    {
        files[name] = (body, etag);
        trickling.TryRemove(name, out _);
    }

    public void Trickle(string name) => trickling[name] = true;

    private async Task<IResult> ServeAsync(string name, HttpContext http)
    {
        if (!trickling.ContainsKey(name))
        {
            return Serve(name, http);
        }

        Hits.AddOrUpdate(name, 1, (_, n) => n + 1);
        FirstHitAt.TryAdd(name, DateTime.UtcNow);
        await TrickleAsync(http);
        return Results.Empty;
    }

    private static async Task TrickleAsync(HttpContext http)
    {
        http.Response.ContentType = "text/calendar";
        await http.Response.WriteAsync("BEGIN:VCALENDAR\r\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
        try
        {
            while (!http.RequestAborted.IsCancellationRequested)
            {
                await Task.Delay(200, http.RequestAborted);
                await http.Response.WriteAsync("X", http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The client gave up: what the test waits for.
        }
    }

    private IResult Serve(string name, HttpContext http)
    {
        Hits.AddOrUpdate(name, 1, (_, n) => n + 1);
        FirstHitAt.TryAdd(name, DateTime.UtcNow);
        if (!files.TryGetValue(name, out var file))
        {
            return Results.NotFound();
        }

        if (file.ETag is { } etag)
        {
            if (http.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                NotModified.AddOrUpdate(name, 1, (_, n) => n + 1);
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            http.Response.Headers.ETag = etag;
        }

        return Results.Text(file.Body, "text/calendar; charset=utf-8");
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
