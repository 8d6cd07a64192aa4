using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Hosting;

internal sealed class PublicUrlOptions : IValidatableObject
{
    public const string Section = "Api";

    // The service as citizens and calendar apps reach it (https://ajanvaraus.example.fi, or with a path,
    // https://kunta.example/ajanvaraus). Empty: the request's own scheme and host stand in — a local default only, since
    // the Host header is the caller's to write.
    public string? PublicBaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(PublicBaseUrl))
        {
            yield break;
        }

        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            yield return new ValidationResult(
                "Api:PublicBaseUrl must be an absolute http or https URL without query or fragment, e.g. https://ajanvaraus.example.fi.",
                [nameof(PublicBaseUrl)]);
        }
    }
}

// The one place that says where this service lives publicly: every absolute link it writes (feed URLs, manage links in
// messages and calendar files) starts here. Api:PublicBaseUrl when set; otherwise the request's scheme, host and path
// base (forwarded ones only from a known proxy, see ClientAddress); with no request (a background job),
// the address the README runs the service on.
internal sealed class PublicBaseUrl(IOptions<PublicUrlOptions> options)
{
    public const string LocalDefault = "http://127.0.0.1:5080";

    // Without a trailing slash.
    public string Of(HttpRequest? request)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl.TrimEnd('/');
        }

        return request is null ? LocalDefault : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    // A path of this service ("/book/manage/…") made absolute; anything else is already a URL someone configured (a
    // portal's own manage page) and is kept as it is. (Not Uri.TryCreate: on Unix it reads "/x" as a file URI.)
    public string Absolute(string pathOrUrl, HttpRequest? request) =>
        pathOrUrl.StartsWith('/') ? Of(request) + pathOrUrl : pathOrUrl;

    // The same address for calendar apps that subscribe (webcal://host/path).
    public static string Webcal(string absolute) => "webcal://" + absolute[(absolute.IndexOf("://", StringComparison.Ordinal) + 3)..];
}
