using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Ajanvaraus.Api.Calendars.Sources;

internal static class CalendarHttp
{
    // Redirects are followed by CalendarFetcher (each hop checked), sockets by AddressGuard, no proxy (the guard must see
    // the real destination). A few retries of transient failures within one overall timeout; no circuit breaker: the
    // client is shared by every source, and one dead server must not stop the others.
    public static IServiceCollection AddCalendarSourcesHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(CalendarFetcher.ClientName)
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
                    ConnectCallback = AddressGuard.Connect(() => options.CurrentValue.AllowPrivateAddresses),
                };
            })
            .AddResilienceHandler("calendar-sources", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<CalendarOptions>>().Value;
                // Timeouts and retry delays are wall-clock time. Polly otherwise takes the app's TimeProvider, the business
                // clock, which a test (or a demo) may pin: a retry after a refused connection then waited forever.
                pipeline.TimeProvider = TimeProvider.System;
                pipeline.AddTimeout(TimeSpan.FromSeconds(options.FetchTimeoutSeconds));
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    Delay = TimeSpan.FromMilliseconds(500),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    // A refused address will be refused again.
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Exception is not HttpRequestException { InnerException: BlockedAddressException }
                        && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(Math.Max(1, options.FetchTimeoutSeconds / 2)));
            });
        return services;
    }
}
