using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Ajanvaraus.Api.Tests.Infrastructure;

// Test-only: behind the app's own pipeline (so inside its exception handler), a path that throws, to prove what an
// unhandled error looks like from outside.
internal sealed class FailingEndpointStartupFilter : IStartupFilter
{
    public const string Path = "/test/unhandled-error";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Run(context =>
        {
            if (context.Request.Path == Path)
            {
                throw new InvalidOperationException("Boom: secret internals at Ajanvaraus.Api.Hidden.Method()");
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    };
}
