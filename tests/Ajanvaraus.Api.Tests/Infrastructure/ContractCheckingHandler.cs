using System.Web;

namespace Ajanvaraus.Api.Tests.Infrastructure;

// Sits in every test client: each exchange is checked against the committed contract, and a mismatch fails the
// test that made it (the exception surfaces from its own SendAsync), naming operation, status and schema error.
public sealed class ContractCheckingHandler(ContractDocument contract) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? requestBody = null;
        if (request.Content is not null)
        {
            // Buffered, so the server still gets the same bytes.
            await request.Content.LoadIntoBufferAsync(cancellationToken);
            requestBody = await request.Content.ReadAsStringAsync(cancellationToken);
        }

        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var responseBody = await response.Content.ReadAsStringAsync(cancellationToken);
        var uri = request.RequestUri!;
        var query = HttpUtility.ParseQueryString(uri.Query);
        var pairs = query.AllKeys.OfType<string>().SelectMany(k => query.GetValues(k)!.Select(v => KeyValuePair.Create(k, v))).ToList();
        var exchange = new Exchange(
            request.Method.Method,
            Uri.UnescapeDataString(uri.AbsolutePath),
            pairs,
            request.Content?.Headers.ContentType?.MediaType,
            requestBody,
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            responseBody);
        var violations = ContractCheck.Violations(contract, exchange);
        if (violations.Count > 0)
        {
            throw new ContractViolationException(
                "The exchange does not match openapi/ajanvaraus.v1.json:\n  " + string.Join("\n  ", violations)
                + $"\nResponse body: {Shorten(responseBody)}\nRequest body: {Shorten(requestBody ?? "")}");
        }

        return response;
    }

    private static string Shorten(string text) => text.Length > 1500 ? text[..1500] + "…" : text;
}

public sealed class ContractViolationException(string message) : Exception(message);
