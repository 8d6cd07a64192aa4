using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Ajanvaraus.Api.Tests.Infrastructure;

// The test server has no connections, so no remote address: a request may name one in X-Test-Remote-Address (the
// address the connection would come from; forwarded headers are then judged against it). Without it: 127.0.0.1.
internal sealed class TestRemoteAddressStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(Header, out var address)
                ? IPAddress.Parse(address.ToString())
                : context.Connection.RemoteIpAddress ?? IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
