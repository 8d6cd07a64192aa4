using System.Net;
using System.Text.Json;

namespace Ajanvaraus.Api.Tests.Infrastructure;

public static class ProblemAssertions
{
    // Asserts a problem+json answer with the given status and returns its body.
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        return body;
    }

    // Asserts a 400 whose `errors` names the field exactly as the JSON spells it (dotted camelCase path).
    public static async Task<JsonElement> AssertValidationErrorAsync(this HttpResponseMessage response, string field)
    {
        var body = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(body.TryGetProperty("errors", out var errors), $"No 'errors' in {body}");
        var names = errors.EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(names.Contains(field), $"Expected an error for '{field}', got: {string.Join(", ", names)}");
        return body;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
