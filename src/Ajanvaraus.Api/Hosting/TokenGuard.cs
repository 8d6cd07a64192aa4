using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Hosting;

// Guessing manage, hold or feed tokens: after `Allowed` wrong tokens from one address within the window, that
// address's token checks answer 429 until the lock ends. Keyed by address only, so a citizen elsewhere is never locked
// out of their own booking. In memory, per instance (README, "Limits").
internal sealed class TokenGuard(IOptions<RateLimitOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Strikes> byAddress = new();

    // Headers and query parameters that carry a booking's, a hold's or a feed's secret.
    public static readonly string[] TokenHeaders = ["X-Manage-Token", "X-Hold-Token"];

    public static bool CarriesToken(HttpRequest request) =>
        TokenHeaders.Any(h => request.Headers.ContainsKey(h)) || request.Query.ContainsKey("token")
        || request.Path.StartsWithSegments("/api/v1/feeds");

    // How long this address stays locked, or null when it may try a token.
    public TimeSpan? LockedFor(HttpContext context)
    {
        if (!options.Value.Enabled || !byAddress.TryGetValue(ClientAddress.Of(context), out var strikes))
        {
            return null;
        }

        lock (strikes)
        {
            var left = strikes.LockedUntil - clock.GetUtcNow();
            return left > TimeSpan.Zero ? left : null;
        }
    }

    // A token was presented and did not match.
    public void Failed(HttpContext context)
    {
        var limits = options.Value.WrongTokens;
        var now = clock.GetUtcNow();
        var strikes = byAddress.GetOrAdd(ClientAddress.Of(context), _ => new Strikes());
        lock (strikes)
        {
            strikes.At.Enqueue(now);
            while (strikes.At.Count > 0 && strikes.At.Peek() <= now - TimeSpan.FromMinutes(limits.WindowMinutes))
            {
                strikes.At.Dequeue();
            }

            if (strikes.At.Count >= limits.Allowed)
            {
                strikes.LockedUntil = now + TimeSpan.FromMinutes(limits.LockMinutes);
                strikes.At.Clear();
            }
        }

        Forget(now);
    }

    // Addresses whose strikes and lock have all passed are dropped, so the table holds only current guessers.
    private void Forget(DateTimeOffset now)
    {
        if (byAddress.Count < 10_000)
        {
            return;
        }

        var window = TimeSpan.FromMinutes(options.Value.WrongTokens.WindowMinutes);
        foreach (var (address, strikes) in byAddress)
        {
            lock (strikes)
            {
                if (strikes.LockedUntil <= now && (strikes.At.Count == 0 || strikes.At.Last() <= now - window))
                {
                    byAddress.TryRemove(address, out _);
                }
            }
        }
    }

    private sealed class Strikes
    {
        public Queue<DateTimeOffset> At { get; } = new();

        public DateTimeOffset LockedUntil { get; set; }
    }
}

internal static class TokenGuardExtensions
{
    private const string Title = "Too many wrong tokens";

    // Before any handler: a locked address gets 429 on every request that carries a token in a header, the query or
    // the path (a feed's).
    public static IApplicationBuilder UseTokenGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (TokenGuard.CarriesToken(context.Request) && LockedSeconds(context) is { } seconds)
            {
                await RateLimitingExtensions.TooManyAsync(context, seconds, Title, Detail(seconds));
                return;
            }

            await next(context);
        });

    // The same 429 for a token the middleware cannot see, in a body (a hold's token in POST /bookings); null when the
    // address may try.
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? TokenLockRefusal(this HttpContext context)
    {
        if (LockedSeconds(context) is not { } seconds)
        {
            return null;
        }

        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Title, detail: Detail(seconds));
    }

    private static int? LockedSeconds(HttpContext context) =>
        context.RequestServices.GetRequiredService<TokenGuard>().LockedFor(context) is { } left
            ? (int)Math.Ceiling(left.TotalSeconds)
            : null;

    private static string Detail(int seconds) => $"Too many wrong tokens came from this address. Try again in {seconds} seconds.";

    public static void TokenFailed(this HttpContext context) => context.RequestServices.GetRequiredService<TokenGuard>().Failed(context);
}
