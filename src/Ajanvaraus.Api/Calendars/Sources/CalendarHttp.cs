using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Ajanvaraus.Api.Calendars.Sources;

internal static class CalendarHttp
{
    // Redirects are followed by CalendarFetcher (each hop checked), sockets by AddressGuard, no proxy (the guard must see
    // the real destination). A few retries of transient failures within CalendarFetcher's one deadline; no circuit
    // breaker: the client is shared by every source, and one dead server must not stop the others. No default request
    // logging: it writes the URL, and Google's and Outlook's secret addresses carry their secret in the path
    // (CalendarSync logs the source's id instead).
    public static IServiceCollection AddCalendarSourcesHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(CalendarFetcher.ClientName)
            .RemoveAllLoggers()
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptionsMonitor<CalendarOptions>>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    UseCookies = false,
                    AutomaticDecompression = System.Net.DecompressionMethods.All,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    ConnectCallback = AddressGuard.Connect(() => options.CurrentValue.AllowPrivateAddresses,
                        () => ConnectTimeout(options.CurrentValue)),
                };
            })
            .AddResilienceHandler("calendar-sources", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<CalendarOptions>>().Value;
                // Timeouts and retry delays are wall-clock time. Polly otherwise takes the app's TimeProvider, the business
                // clock, which a test (or a demo) may pin: a retry after a refused connection then waited forever.
                pipeline.TimeProvider = TimeProvider.System;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    Delay = TimeSpan.FromMilliseconds(500),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    // A refused address will be refused again; a server that could not be connected to is not retried
                    // either, so a refused port and a filtered one cost the same single attempt and read the same.
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Exception is not HttpRequestException
                        {
                            InnerException: BlockedAddressException or UnreachableServerException,
                        }
                        && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                });
                pipeline.AddTimeout(AttemptTimeout(options));
            });
        return services;
    }

    // Each attempt gets half the fetch's deadline (a retry still fits).
    private static TimeSpan AttemptTimeout(CalendarOptions options) => TimeSpan.FromSeconds(Math.Max(1, options.FetchTimeoutSeconds / 2));

    // Long enough for a distant server, and shorter than an attempt, so that a filtered port ends as "could not be
    // reached" (as a refused one does) rather than as the attempt's timeout.
    private static TimeSpan ConnectTimeout(CalendarOptions options) =>
        TimeSpan.FromSeconds(Math.Min(AttemptTimeout(options).TotalSeconds / 2, 10));
}
