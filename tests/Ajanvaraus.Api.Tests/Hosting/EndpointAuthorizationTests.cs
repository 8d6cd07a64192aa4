using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ajanvaraus.Api.Tests.Hosting;

public sealed class EndpointAuthorizationTests
{
    [Fact]
    public async Task EveryEndpointDeclaresAPolicyOrAnonymousAccess()
    {
        await using var app = new AjanvarausApp();
        _ = app.CreateClient();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var undeclared = endpoints
            .Where(e => !e.Metadata.OfType<IAllowAnonymous>().Any())
            .Where(e => !e.Metadata.OfType<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => $"{string.Join(",", e.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods))} {e.RoutePattern.RawText}")
            .ToList();

        Assert.True(endpoints.Count > 5, "Expected the API's endpoints to be found.");
        Assert.True(undeclared.Count == 0, "Endpoints without a named policy or AllowAnonymous:\n" + string.Join("\n", undeclared));
    }
}
