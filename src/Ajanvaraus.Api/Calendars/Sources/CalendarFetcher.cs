using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Calendars.Sources;

// One conditional GET of a source: at most MaxRedirects redirects (followed here, so each hop is checked for scheme and,
// in AddressGuard, for address), at most MaxFeedBytes read, all within one deadline (FetchTimeoutSeconds) that covers
// the body too: Polly's timeouts end at the headers, and a server trickling one byte a second would otherwise hold the
// sync for as long as it liked. Every failure is an outcome with a reason (SourceErrors), never an exception.
internal sealed class CalendarFetcher(IHttpClientFactory factory, IOptions<CalendarOptions> options)
{
    public const string ClientName = "calendar-sources";
    public const int MaxRedirects = 3;

    public async Task<FetchOutcome> FetchAsync(string url, string? etag, string? lastModified, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return FetchOutcome.Failed(SourceErrors.NotAbsoluteMessage);
        }

        // The wall clock, not the app's TimeProvider (the business clock, which tests and demos pin).
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.Value.FetchTimeoutSeconds));
        try
        {
            var client = factory.CreateClient(ClientName);
            for (var hop = 0; ; hop++)
            {
                if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                {
                    return FetchOutcome.Failed(SourceErrors.SchemeMessage);
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Accept.ParseAdd("text/calendar, */*;q=0.5");
                if (etag is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }
                if (lastModified is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                if ((int)response.StatusCode is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    if (hop == MaxRedirects)
                    {
                        return FetchOutcome.Failed(SourceErrors.With(SourceErrors.RedirectsMessage, MaxRedirects));
                    }

                    uri = new Uri(uri, location);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return FetchOutcome.NotModified;
                }

                if (!response.IsSuccessStatusCode)
                {
                    return FetchOutcome.Failed(SourceErrors.With(SourceErrors.StatusMessage, (int)response.StatusCode));
                }

                return await ReadAsync(response, deadline.Token);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return FetchOutcome.Failed(Reason(ex));
        }
    }

    private async Task<FetchOutcome> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var max = options.Value.MaxFeedBytes;
        var tooLarge = FetchOutcome.Failed(SourceErrors.With(SourceErrors.TooLargeMessage, max));
        if (response.Content.Headers.ContentLength > max)
        {
            return tooLarge;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                return tooLarge;
            }
        }

        var text = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        return new FetchOutcome(FetchStatus.Fetched, text, response.Headers.ETag?.ToString(),
            response.Content.Headers.LastModified?.ToString("R"), null);
    }

    // No exception's text: it would name addresses, ports and protocols (a port scanner's answers).
    private static string Reason(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is BlockedAddressException)
            {
                return SourceErrors.NotAllowedMessage;
            }
        }

        return ex is OperationCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            ? SourceErrors.TimeoutMessage
            : SourceErrors.UnreachableMessage;
    }
}

internal enum FetchStatus
{
    Fetched,
    NotModified,
    Failed,
}

internal sealed record FetchOutcome(FetchStatus Status, string? Text, string? ETag, string? LastModified, string? Error)
{
    public static readonly FetchOutcome NotModified = new(FetchStatus.NotModified, null, null, null, null);

    public static FetchOutcome Failed(string error) => new(FetchStatus.Failed, null, null, null, error);
}
