using System.Net;
using System.Net.Sockets;
using Ajanvaraus.Api.Calendars;
using Ajanvaraus.Api.Calendars.Sources;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Ajanvaraus.Api.Tests.Calendars.CalendarSourceClient;

namespace Ajanvaraus.Api.Tests.Calendars;

// What an agency admin's URL can make the service reach, with the settings the service ships (no opt-in), and what
// lastError and the logs tell about it.
public sealed class CalendarSourceGuardTests
{
    public static readonly TheoryData<string> LoopbackSpellings = new()
    {
        "http://127.0.0.1:{port}/cal.ics",
        "http://2130706433:{port}/cal.ics",
        "http://0177.0.0.1:{port}/cal.ics",
        "http://127.1:{port}/cal.ics",
        "http://[::ffff:127.0.0.1]:{port}/cal.ics",
        "http://localhost:{port}/cal.ics",
        "http://127.0.0.1:{port}/redirect?to=http://localhost:{port}/cal.ics",
    };

    [Theory]
    [MemberData(nameof(LoopbackSpellings))]
    public async Task TheShippedSettingsRefuseLoopbackInEverySpelling(string template)
    {
        await using var feeds = await FixtureServer.StartAsync();
        feeds.Set("cal.ics", CalendarFixtures.OneEvent("20261124T080000Z", "20261124T090000Z"));
        await using var world = await BookingWorld.CreateAsync();

        var source = await AddSourceAsync(world, "Outlook", template.Replace("{port}", Port(feeds), StringComparison.Ordinal));

        Assert.Equal(SourceErrors.NotAllowedMessage, LastError(source));
        Assert.Equal(0, feeds.Hits.GetValueOrDefault("cal.ics"));
        Assert.Equal(0, source.GetProperty("busyIntervals").GetInt32());
    }

    [Theory]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://0177.0.0.1/")]
    [InlineData("http://127.1/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://localhost/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://192.0.2.10/")]
    [InlineData("http://198.51.100.10/")]
    [InlineData("http://203.0.113.10/")]
    [InlineData("http://[2001:db8::1]/")]
    public async Task TheGuardRefusesWhatTheSocketWouldReach(string url) =>
        await Assert.ThrowsAsync<BlockedAddressException>(() => AddressGuard.UsableAsync(new Uri(url).Host, false, default));

    [Fact]
    public void TheHostsOwnAddressesAreRefused()
    {
        var own = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(u => u.Address).ToList();

        Assert.NotEmpty(own);
        Assert.All(own, a => Assert.True(AddressGuard.IsRefused(a), $"{a} is this host's own address"));
        Assert.False(AddressGuard.IsRefused(IPAddress.Parse("193.166.3.1")));
    }

    // Connection refused (nothing listens) and filtered (the SYN is never answered: a listener whose backlog is full)
    // must read alike, or lastError maps which ports are open.
    [Fact]
    public async Task ARefusedPortAndAFilteredOneReadTheSame()
    {
        using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var fillers = new List<Socket>();
        for (var i = 0; i < 8; i++)
        {
            var filler = new Socket(SocketType.Stream, ProtocolType.Tcp);
            fillers.Add(filler);
            _ = filler.ConnectAsync(IPAddress.Loopback, port);
        }

        await using var world = await BookingWorld.CreateAsync(settings: LoopbackWith(("Calendars:FetchTimeoutSeconds", "3")));
        var refused = await AddSourceAsync(world, "Refused", "http://127.0.0.1:9/calendar.ics");
        var filtered = await AddSourceAsync(world, "Filtered", $"http://127.0.0.1:{port}/calendar.ics");
        fillers.ForEach(f => f.Dispose());

        Assert.Equal(SourceErrors.UnreachableMessage, LastError(refused));
        Assert.Equal(LastError(refused), LastError(filtered));
    }

    [Fact]
    public async Task LastErrorIsInTheCallersLanguage()
    {
        await using var world = await BookingWorld.CreateAsync();
        var source = await AddSourceAsync(world, "Outlook", "http://127.0.0.1:9/calendar.ics");
        var path = $"/api/v1/experts/{world.Expert}/calendar-sources/{source.GetProperty("id").GetGuid()}";

        var fi = await (await Admin(world, "fi").GetAsync(path)).ReadJsonAsync(HttpStatusCode.OK);
        var sv = await (await Admin(world, "sv").GetAsync(path)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.StartsWith("Osoite ei ole sallittu", LastError(fi));
        Assert.StartsWith("Adressen är inte tillåten", LastError(sv));
    }

    [Fact]
    public async Task NoLogLineCarriesTheSecretAddress()
    {
        const string secret = "private-9f86d081884c7d659a2feaa0c55ad015";
        using var logs = InMemoryLogs.New();
        await using var feeds = await FixtureServer.StartAsync();
        feeds.Set("basic.ics", CalendarFixtures.OneEvent("20261124T080000Z", "20261124T090000Z"));
        await using var world = await BookingWorld.CreateAsync(settings: LoopbackWith(
            (InMemoryLogs.Setting, logs.Name), ("Logging:LogLevel:Default", "Debug"), ("Logging:LogLevel:Microsoft", "Debug"),
            ("Logging:LogLevel:System", "Debug")));

        var source = await AddSourceAsync(world, "Google", $"{feeds.BaseUrl}/{secret}/basic.ics");
        await SyncAsync(world, source);
        feeds.Set("basic.ics", CalendarFixtures.Broken);
        await SyncAsync(world, source);

        Assert.Equal(3, feeds.Hits.GetValueOrDefault("basic.ics"));
        Assert.DoesNotContain(secret, logs.All, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("basic.ics", logs.All, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"Calendar source {source.GetProperty("id").GetGuid()}", logs.All, StringComparison.Ordinal);
    }

    // The guard's configuration through the real DI: the shipped default leaves private addresses refused.
    [Fact]
    public async Task PrivateAddressesAreOffUnlessASettingTurnsThemOn()
    {
        await using var app = new AjanvarausApp();
        Assert.False(app.Services.GetRequiredService<IOptions<CalendarOptions>>().Value.AllowPrivateAddresses);
    }

    private static string Port(FixtureServer feeds) =>
        new Uri(feeds.BaseUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
