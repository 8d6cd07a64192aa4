using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.ServicePoints;

public sealed class VideoRoomsApiTests
{
    private const string Rooms = "/api/v1/service-points/mikkeli/video-rooms";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task OperatorAddsRenamesRetiresAndDeletesVideoRooms(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var op = app.Operator();
        await op.PointAsync(PointFixtures.Point("mikkeli"));

        var created = await op.PostAsJsonAsync(Rooms, new { name = "Etähuone 1" });
        var first = await created.ReadJsonAsync(HttpStatusCode.Created);
        var firstId = first.GetProperty("id").GetGuid();
        Assert.Equal($"{Rooms}/{firstId}", created.Headers.Location?.ToString());
        Assert.True(first.GetProperty("isActive").GetBoolean());
        var secondId = (await (await op.PostAsJsonAsync(Rooms,
            new { name = "Etähuone 2" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var anyone = app.CreateClient();
        Assert.Equal(["Etähuone 1", "Etähuone 2"], (await anyone.GetJsonAsync(Rooms)).Ids("name"));

        var renamed = await (await op.PutAsJsonAsync($"{Rooms}/{firstId}",
            new { name = "Neuvotteluhuone" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Neuvotteluhuone", renamed.GetProperty("name").GetString());
        var retired = await (await op.PutAsJsonAsync($"{Rooms}/{secondId}", new { name = "Etähuone 2",
            isActive = false })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(retired.GetProperty("isActive").GetBoolean());

        Assert.False((await anyone.GetJsonAsync($"{Rooms}/{secondId}")).GetProperty("isActive").GetBoolean());
        var all = await anyone.GetJsonAsync(Rooms);
        Assert.Equal(["Neuvotteluhuone", "Etähuone 2"], all.Ids("name"));
        var point = await anyone.GetJsonAsync("/api/v1/service-points/mikkeli");
        Assert.Equal([firstId.ToString()], point.GetProperty("videoRooms").Ids());

        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync($"{Rooms}/{firstId}")).StatusCode);
        Assert.Equal([secondId.ToString()], (await anyone.GetJsonAsync(Rooms)).Ids());
        await (await anyone.GetAsync($"{Rooms}/{firstId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DeletingARoomThatAHoldUsesAnswers409ButRetiringItWorks(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var op = app.Operator();
        await op.ProviderAsync("kela");
        await op.PointAsync(PointFixtures.Point("mikkeli", "491", "kela"));
        var roomId = (await (await op.PostAsJsonAsync(Rooms,
            new { name = "Etähuone" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await app.InsertHoldOnRoomAsync("kela", "mikkeli", roomId);

        await (await op.DeleteAsync($"{Rooms}/{roomId}")).AssertProblemAsync(HttpStatusCode.Conflict);

        await (await op.PutAsJsonAsync($"{Rooms}/{roomId}", new { name = "Etähuone", isActive = false })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty((await app.CreateClient().GetJsonAsync("/api/v1/service-points/mikkeli")).GetProperty("videoRooms").EnumerateArray());
        Assert.Equal([roomId.ToString()], (await app.CreateClient().GetJsonAsync(Rooms)).Ids());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task VideoRoomWithoutANameAnswers400NamingIt(string? name)
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        await op.PointAsync(PointFixtures.Point("mikkeli"));
        await (await op.PostAsJsonAsync(Rooms, new { name })).AssertValidationErrorAsync("name");

        var roomId = (await (await op.PostAsJsonAsync(Rooms,
            new { name = "Etähuone" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await op.PutAsJsonAsync($"{Rooms}/{roomId}", new { name })).AssertValidationErrorAsync("name");
    }

    [Fact]
    public async Task VideoRoomsOfAnUnknownPointOrRoomAnswer404()
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        await op.PointAsync(PointFixtures.Point("mikkeli"));
        var unknown = Guid.CreateVersion7();

        await (await app.CreateClient().GetAsync("/api/v1/service-points/ghost/video-rooms")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await op.PostAsJsonAsync("/api/v1/service-points/ghost/video-rooms",
            new { name = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await op.PutAsJsonAsync($"{Rooms}/{unknown}", new { name = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await op.DeleteAsync($"{Rooms}/{unknown}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ARoomIsReachableOnlyThroughItsOwnPoint()
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        await op.PointAsync(PointFixtures.Point("mikkeli"));
        await op.PointAsync(PointFixtures.Point("parainen", "445"));
        var roomId = (await (await op.PostAsJsonAsync(Rooms,
            new { name = "Etähuone" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await (await app.CreateClient().GetAsync($"/api/v1/service-points/parainen/video-rooms/{roomId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await op.PutAsJsonAsync($"/api/v1/service-points/parainen/video-rooms/{roomId}",
            new { name = "Kaapattu" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await op.DeleteAsync($"/api/v1/service-points/parainen/video-rooms/{roomId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Etähuone", (await app.CreateClient().GetJsonAsync($"{Rooms}/{roomId}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task AnonymousCallersAndAgencyAdminsCannotWriteVideoRooms()
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        await op.PointAsync(PointFixtures.Point("mikkeli"));
        var roomId = (await (await op.PostAsJsonAsync(Rooms,
            new { name = "Etähuone" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        foreach (var (client, status) in new[] { (app.CreateClient(), HttpStatusCode.Unauthorized), (app.AgencyAdmin("kela"),
            HttpStatusCode.Forbidden) })
        {
            Assert.Equal(status, (await client.PostAsJsonAsync(Rooms, new { name = "Toinen" })).StatusCode);
            Assert.Equal(status, (await client.PutAsJsonAsync($"{Rooms}/{roomId}", new { name = "Toinen" })).StatusCode);
            Assert.Equal(status, (await client.DeleteAsync($"{Rooms}/{roomId}")).StatusCode);
        }

        Assert.Equal(["Etähuone"], (await app.CreateClient().GetJsonAsync(Rooms)).Ids("name"));
    }
}
