using Ajanvaraus.Api.Notifications;

namespace Ajanvaraus.Api.Tests.Notifications;

public sealed class MessageComposerTests
{
    private static readonly ClaimedMessage Reminder = new()
    {
        Id = Guid.NewGuid(), BookingId = Guid.Parse("0193a7d0-0000-7000-8000-000000000001"), Kind = MessageKinds.Reminder, Channel = "sms",
        StartsAt = DateTimeOffset.Parse("2026-11-24T08:00:00Z"), EndsAt = DateTimeOffset.Parse("2026-11-24T08:45:00Z"),
        BookingChannel = "in_person", Reference = "KM4T-7HQX", CustomerName = "Maija", CustomerLanguage = "sv",
        ServiceNameFi = "Asumistuen neuvonta", ServiceNameSv = "Rådgivning om bostadsbidrag", ServiceNameEn = "Housing allowance advice",
        ProviderNameFi = "Kela", ProviderNameSv = "FPA", ProviderNameEn = "Kela",
        PointNameFi = "Mikkelin asiointipiste", PointNameSv = "S:t Michels servicepunkt", PointNameEn = "Mikkeli service point",
        StreetAddress = "Maaherrankatu 9", PostalCode = "50100", PostOffice = "Mikkeli", TimeZone = "Europe/Helsinki",
    };

    // The default template under the local default base URL, as a message written with no Api:PublicBaseUrl carries it.
    private static readonly string DefaultLink = new Ajanvaraus.Api.Hosting.PublicBaseUrl(
            Microsoft.Extensions.Options.Options.Create(new Ajanvaraus.Api.Hosting.PublicUrlOptions()))
        .Absolute(new NotificationOptions().ManageUrl(Reminder.BookingId, new string('x', 43)), null);

    [Fact]
    public void AReminderSmsWithTheDefaultLinkKeepsReferenceTimeLinkAndAPlaceWithin160Characters()
    {
        var text = MessageComposer.Sms(Reminder, DefaultLink);

        Assert.True(Gsm7.Length(text) <= Gsm7.SingleMessage, $"{Gsm7.Length(text)}: {text}");
        Assert.StartsWith("KM4T-7HQX tis 24.11. 10.00 ", text);
        Assert.EndsWith(DefaultLink, text);
        Assert.Contains("Mikkeli", text);
    }

    [Fact]
    public void AShortLinkLeavesRoomForTheKindAndThePointsName()
    {
        var text = MessageComposer.Sms(Reminder, "https://a.fi/m/1");

        Assert.Equal("Påminnelse: KM4T-7HQX tis 24.11. 10.00 S:t Michels servicepunkt https://a.fi/m/1", text);
    }

    [Fact]
    public void CharactersOutsideTheGsmAlphabetAreReplacedAndTheEuroCountsTwice()
    {
        Assert.Equal("Sarka-Ela", Gsm7.ToGsm("Šarka–Ela"));
        Assert.Equal("äöåÄÖÅ", Gsm7.ToGsm("äöåÄÖÅ"));
        Assert.Equal(3, Gsm7.Length("€1"));
    }
}

public sealed class NotificationOptionsTests
{
    [Theory]
    [InlineData("Notifications:Smtp:Port", "0")]
    [InlineData("Notifications:MaxAttempts", "0")]
    [InlineData("Notifications:ManageUrlTemplate", "http://example.fi/{id}")]
    [InlineData("Notifications:Sms:Url", "not a url")]
    public async Task InvalidSettingsStopTheStart(string key, string value)
    {
        await using var app = new Infrastructure.AjanvarausApp(settings: new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            [key] = value,
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var invalid = Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(Unwrap(error));
        Assert.Equal(typeof(NotificationOptions), invalid.OptionsType);
    }

    private static Exception Unwrap(Exception error)
    {
        while (error is not Microsoft.Extensions.Options.OptionsValidationException && error.InnerException is { } inner)
        {
            error = inner;
        }

        return error;
    }
}
