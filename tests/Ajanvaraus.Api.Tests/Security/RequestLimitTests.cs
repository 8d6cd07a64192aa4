using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Security;

public sealed class RequestLimitTests
{
    private static string BigBody() => "{\"serviceId\":\"" + new string('x', 70 * 1024) + "\"}";

    [Fact]
    public async Task ABodyAnnouncedOver64KiBAnswers413Problem()
    {
        await using var app = new AjanvarausApp();
        var content = new StringContent(BigBody(), Encoding.UTF8, "application/json");
        var response = await app.CreateClient().PostAsync("/api/v1/holds", content);
        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("65536", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ABodyStreamedPast64KiBWithoutALengthAnswers413Problem()
    {
        await using var app = new AjanvarausApp();
        var response = await app.CreateClient().PostAsync("/api/v1/holds", new UnsizedContent(BigBody()).Typed());
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ABodyOfAnotherMediaTypeAnswers415Problem()
    {
        await using var app = new AjanvarausApp();
        var response = await app.CreateClient().PostAsync("/api/v1/holds", new StringContent("serviceId=1", Encoding.UTF8, "text/plain"));
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task AQueryStringOver2048CharactersAnswers414Problem()
    {
        await using var app = new AjanvarausApp();
        var response = await app.CreateClient().GetAsync("/api/v1/providers?cursor=" + new string('a', 2100));
        await response.AssertProblemAsync(HttpStatusCode.RequestUriTooLong);
    }

    // A body whose length is not known up front (sent chunked over a real connection).
    private sealed class UnsizedContent(string text) : HttpContent
    {
        private readonly byte[] bytes = Encoding.UTF8.GetBytes(text);

        public HttpContent Typed()
        {
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return this;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
