using System.Net;
using Ajanvaraus.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ajanvaraus.Api.Tests.Security;

// Forged or rotating client keys must not grow the limiter's memory: what it keeps of a key it has not seen for a few
// windows is dropped.
public sealed class RateLimiterMemoryTests
{
    private static DefaultHttpContext From(string address)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/v1/providers";
        context.Request.Method = "GET";
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return context;
    }

    [Fact]
    public void KeysIdleForAFewWindowsAreForgotten()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new ApiRateLimiter(Options.Create(new RateLimitOptions()), clock);
        for (var i = 0; i < 2000; i++)
        {
            using var lease = limiter.Limiter.AttemptAcquire(From($"198.51.{i / 250}.{i % 250}"));
            Assert.True(lease.IsAcquired);
        }

        Assert.Equal(2000, limiter.TrackedKeys);

        clock.Advance(TimeSpan.FromMinutes(5));
        using (limiter.Limiter.AttemptAcquire(From("203.0.113.5")))
        {
        }

        Assert.Equal(1, limiter.TrackedKeys);
    }
}
