namespace Ajanvaraus.Api.Hosting;

// Endpoint metadata: example bodies shown in the OpenAPI contract for portal developers to copy.
internal sealed record ApiExamples(object? Request, object? Response);

internal static class ApiExamplesExtensions
{
    public static TBuilder WithExamples<TBuilder>(this TBuilder builder, object? request = null, object? response = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiExamples(request, response));
}
