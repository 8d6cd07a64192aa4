using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Hosting;

// One budget a caller spends: its policy name (as the RateLimit headers name it), whose it is, and its quota a minute.
internal sealed record RateBudget(string Policy, string Key, int Quota);

// The budgets of /api/v1 on ASP.NET Core's rate limiter: anonymous callers per address (reads and writes apart), a
// portal per client id, staff per subject. One fixed one-minute window per budget; the time it began is kept beside
// it, so the RateLimit header can say when it refills. The limiter drops its own idle partitions; what is kept here of
// a key not seen for IdleAfter is dropped too, so rotating or forged keys do not grow the memory.
internal sealed class ApiRateLimiter : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan IdleAfter = 3 * Window;
    private const string BudgetItem = "Ajanvaraus.RateBudget";
    private readonly ConcurrentDictionary<string, KeyTimes> windowStarts = new();
    private readonly RateLimitOptions options;
    private readonly TimeProvider clock;
    private long lastSweep;

    public ApiRateLimiter(IOptions<RateLimitOptions> options, TimeProvider clock)
    {
        this.options = options.Value;
        this.clock = clock;
        lastSweep = clock.GetTimestamp();
        Limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => BudgetOf(context) is { } budget
            ? new RateLimitPartition<string>(budget.Key, key => NewWindow(key, budget.Quota))
            : RateLimitPartition.GetNoLimiter(""));
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    public int TrackedKeys => windowStarts.Count;

    // Null for what is not limited: health, the contract, the dashboard, or every request when limits are off.
    public RateBudget? BudgetOf(HttpContext context)
    {
        if (context.Items.TryGetValue(BudgetItem, out var known))
        {
            return known as RateBudget;
        }

        var budget = options.Enabled && context.Request.Path.StartsWithSegments("/api/v1") ? Choose(context) : null;
        context.Items[BudgetItem] = budget;
        if (budget is not null && windowStarts.TryGetValue(budget.Key, out var times))
        {
            Volatile.Write(ref times.Seen, clock.GetTimestamp());
        }

        return budget;
    }

    // Seconds until the budget's window refills.
    public int SecondsToReset(RateBudget budget)
    {
        var started = windowStarts.TryGetValue(budget.Key, out var times) ? times.Started : clock.GetTimestamp();
        var elapsed = clock.GetElapsedTime(started).Ticks % Window.Ticks;
        return Math.Max(1, (int)Math.Ceiling(TimeSpan.FromTicks(Window.Ticks - elapsed).TotalSeconds));
    }

    public void Dispose() => Limiter.Dispose();

    private RateBudget Choose(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && user.PortalClient() is { } client)
        {
            return new RateBudget("portal", $"portal|{client}", options.Portal.PerMinute);
        }

        if (user.Identity?.IsAuthenticated == true && user.FindFirst("sub")?.Value is { } subject)
        {
            return new RateBudget("staff", $"staff|{subject}", options.Staff.PerMinute);
        }

        var address = ClientAddress.Of(context);
        return HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? new RateBudget("search", $"search|{address}", options.Anonymous.SearchPerMinute)
            : new RateBudget("writes", $"writes|{address}", options.Anonymous.WritesPerMinute);
    }

    private FixedWindowRateLimiter NewWindow(string key, int quota)
    {
        var now = clock.GetTimestamp();
        windowStarts[key] = new KeyTimes(now);
        Sweep(now);
        return new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = quota,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = false,
        });
    }

    // At most once a window, when a new key appears: keys whose last request is IdleAfter ago are forgotten.
    private void Sweep(long now)
    {
        var last = Interlocked.Read(ref lastSweep);
        if (clock.GetElapsedTime(last, now) < Window || Interlocked.CompareExchange(ref lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (key, times) in windowStarts)
        {
            if (clock.GetElapsedTime(Volatile.Read(ref times.Seen), now) > IdleAfter)
            {
                windowStarts.TryRemove(key, out _);
            }
        }
    }

    private sealed class KeyTimes(long started)
    {
        public long Seen = started;

        public long Started { get; } = started;
    }
}

internal static class RateLimitingExtensions
{
    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Real time, which the limiter's own windows run on (not a test's fake clock: the headers would contradict them).
        services.AddSingleton(sp => new ApiRateLimiter(sp.GetRequiredService<IOptions<RateLimitOptions>>(), TimeProvider.System));
        services.AddSingleton<TokenGuard>();
        services.AddOptions<RateLimiterOptions>().Configure<ApiRateLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter.Limiter;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) => OnRejectedAsync(context.HttpContext, limiter);
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    // The IETF draft's fields on every answer of a limited endpoint, 429s included: the policy (quota per window) and
    // what is left of it with the seconds until it refills.
    public static IApplicationBuilder UseApiRateLimiting(this IApplicationBuilder app)
    {
        var limiter = app.ApplicationServices.GetRequiredService<ApiRateLimiter>();
        app.Use((context, next) =>
        {
            if (limiter.BudgetOf(context) is { } budget)
            {
                context.Response.OnStarting(() =>
                {
                    var left = limiter.Limiter.GetStatistics(context)?.CurrentAvailablePermits ?? 0;
                    var reset = limiter.SecondsToReset(budget);
                    var window = (int)ApiRateLimiter.Window.TotalSeconds;
                    context.Response.Headers["RateLimit-Policy"] = $"\"{budget.Policy}\";q={budget.Quota};w={window}";
                    context.Response.Headers["RateLimit"] = $"\"{budget.Policy}\";r={left};t={reset}";
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
        return app.UseRateLimiter();
    }

    private static async ValueTask OnRejectedAsync(HttpContext context, ApiRateLimiter limiter)
    {
        var budget = limiter.BudgetOf(context);
        var seconds = budget is null ? 60 : limiter.SecondsToReset(budget);
        await TooManyAsync(context, seconds, "Too many requests",
            $"This caller has used its {budget?.Quota ?? 0} requests a minute. Try again in {seconds} seconds.");
    }

    // 429 as problem+json with Retry-After, in the caller's language (the problem-details customisation translates).
    public static async Task TooManyAsync(HttpContext context, int retryAfterSeconds, string title, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = title, Detail = detail },
        });
    }
}
