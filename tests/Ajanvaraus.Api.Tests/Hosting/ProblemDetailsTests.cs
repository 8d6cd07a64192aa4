using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Hosting;

public sealed class ProblemDetailsTests
{
    [Fact]
    public async Task UnknownRouteAnswers404Problem()
    {
        await using var app = new AjanvarausApp();
        var response = await app.CreateClient().GetAsync("/api/v1/no-such-thing");
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WrongMethodAnswers405Problem()
    {
        await using var app = new AjanvarausApp();
        var response = await app.CreateClient().PatchAsync("/api/v1/providers", JsonContent.Create(new { }));
        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task NonJsonBodyAnswers415Problem()
    {
        await using var app = new AjanvarausApp();
        var response = await app.Operator().PostAsync("/api/v1/providers", new StringContent("id=kela", Encoding.UTF8, "text/plain"));
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task MalformedJsonAnswers400Problem()
    {
        await using var app = new AjanvarausApp();
        var response = await app.Operator().PostAsync("/api/v1/providers", new StringContent("{\"id\": \"kela\", \"names\": ",
            Encoding.UTF8, "application/json"));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task WrongJsonTypeAnswers400NamingTheField()
    {
        await using var app = new AjanvarausApp();
        var response = await app.Operator().PostAsync("/api/v1/providers", new StringContent("""{"id": 12, "names": {"fi": "a", "sv": "b", "en": "c"}}""", Encoding.UTF8, "application/json"));
        await response.AssertValidationErrorAsync("id");
    }

    [Fact]
    public async Task MissingRequiredFieldAnswers400NamingTheField()
    {
        await using var app = new AjanvarausApp();
        var response = await app.Operator().PostAsJsonAsync("/api/v1/providers", new { id = "kela", names = new { fi = "Kela",
            sv = "FPA" } });
        await response.AssertValidationErrorAsync("names.en");
    }

    [Fact]
    public async Task UnhandledErrorAnswers500ProblemWithoutInternals()
    {
        await using var app = new AjanvarausApp();
        var response = await app.CreateClient().GetAsync(FailingEndpointStartupFilter.Path);
        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("Boom", problem.ToString());
        Assert.DoesNotContain("Ajanvaraus.Api.Hidden", problem.ToString());
    }
}
