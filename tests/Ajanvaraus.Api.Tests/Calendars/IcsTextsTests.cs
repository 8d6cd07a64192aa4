using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Calendars;

namespace Ajanvaraus.Api.Tests.Calendars;

public sealed class IcsTextsTests
{
    private static readonly IcsDetails Visit = new(
        ServiceName: "Asumistuki",
        ProviderName: "Kela",
        Reference: "ACDE-FGHJ",
        Channel: Channel.InPerson,
        PointName: "Mikkelin asiointipiste",
        PointAddress: "Maaherrankatu 9, 50100 Mikkeli",
        MeetingUrl: null,
        PhoneNote: null,
        ManageUrl: "https://ajanvaraus.example.fi/varaus/abc");

    [Theory]
    [InlineData("fi", "Ajanvaraus: Asumistuki (Kela)")]
    [InlineData("sv", "Tidsbokning: Asumistuki (Kela)")]
    [InlineData("en", "Appointment: Asumistuki (Kela)")]
    [InlineData("de", "Ajanvaraus: Asumistuki (Kela)")]
    public void SummaryNamesServiceAndProviderInTheCustomersLanguage(string language, string expected)
    {
        Assert.Equal(expected, IcsTexts.Summary(Visit, language));
    }

    [Theory]
    [InlineData(Channel.InPerson, "fi", "Käyntiasiointi")]
    [InlineData(Channel.InPerson, "sv", "Besök")]
    [InlineData(Channel.InPerson, "en", "In person")]
    [InlineData(Channel.RemoteAtPoint, "fi", "Etäasiointi palvelupisteessä")]
    [InlineData(Channel.RemoteAtPoint, "sv", "Distansservice vid serviceställe")]
    [InlineData(Channel.RemoteAtPoint, "en", "Remote service at the service point")]
    [InlineData(Channel.Video, "fi", "Videotapaaminen")]
    [InlineData(Channel.Video, "sv", "Videomöte")]
    [InlineData(Channel.Video, "en", "Video meeting")]
    [InlineData(Channel.Phone, "fi", "Puhelinaika")]
    [InlineData(Channel.Phone, "sv", "Telefontid")]
    [InlineData(Channel.Phone, "en", "Phone appointment")]
    public void DescriptionNamesTheChannelInWords(Channel channel, string language, string words)
    {
        var lines = IcsTexts.Description(Visit with { Channel = channel }, language).Split('\n');

        Assert.Contains(lines, line => line.EndsWith(": " + words));
    }

    [Fact]
    public void VisitDescriptionGivesReferencePlaceAndWhereToManage()
    {
        var description = IcsTexts.Description(Visit, "fi");

        Assert.Equal(
            """
            Varaustunnus: ACDE-FGHJ
            Asiointitapa: Käyntiasiointi
            Paikka: Mikkelin asiointipiste, Maaherrankatu 9, 50100 Mikkeli
            Muuta tai peru varaus: https://ajanvaraus.example.fi/varaus/abc
            """.ReplaceLineEndings("\n"),
            description);
        Assert.Equal("Mikkelin asiointipiste, Maaherrankatu 9, 50100 Mikkeli", IcsTexts.Location(Visit));
    }

    [Fact]
    public void VideoDescriptionGivesTheLinkAndNoPlace()
    {
        var video = Visit with { Channel = Channel.Video, MeetingUrl = "https://meet.example.fi/j/1" };

        var description = IcsTexts.Description(video, "sv");

        Assert.Contains("Länk till videomötet: https://meet.example.fi/j/1", description);
        Assert.Contains("Bokningskod: ACDE-FGHJ", description);
        Assert.Contains("Ändra eller avboka: https://ajanvaraus.example.fi/varaus/abc", description);
        Assert.DoesNotContain("Mikkeli", description);
        Assert.Equal("https://meet.example.fi/j/1", IcsTexts.Location(video));
    }

    [Fact]
    public void PhoneDescriptionCarriesTheNoteAndTheLocationSaysByPhone()
    {
        var phone = Visit with { Channel = Channel.Phone, PhoneNote = "The expert will call you at +358 40 123 4567.", ManageUrl = null };

        var lines = IcsTexts.Description(phone, "en").Split('\n');

        Assert.Equal(["Booking reference: ACDE-FGHJ", "Appointment type: Phone appointment",
            "The expert will call you at +358 40 123 4567."], lines);
        Assert.Equal("By phone", IcsTexts.Location(phone, "en"));
    }

    [Fact]
    public void RemoteServiceAtThePointIsLocatedAtThePoint()
    {
        var remote = Visit with { Channel = Channel.RemoteAtPoint, PointAddress = null };

        Assert.Equal("Mikkelin asiointipiste", IcsTexts.Location(remote));
        Assert.Contains("Plats: Mikkelin asiointipiste", IcsTexts.Description(remote, "sv"));
    }

    [Theory]
    [InlineData("fi", "Puhelimitse: asiantuntija soittaa numeroon +358 40 123 4567")]
    [InlineData("sv", "Per telefon: experten ringer upp +358 40 123 4567")]
    [InlineData("en", "By phone: the expert will call +358 40 123 4567")]
    public void PhoneLocationNamesTheNumberTheExpertWillCallInTheCustomersLanguage(string language, string expected)
    {
        var phone = Visit with { Channel = Channel.Phone, CustomerPhone = "+358 40 123 4567" };

        Assert.Equal(expected, IcsTexts.Location(phone, language));
    }

    [Theory]
    [InlineData("en", "Appointment: Housing allowance advice – Kela (Social Insurance Institution)")]
    [InlineData("fi", "Ajanvaraus: Housing allowance advice – Kela (Social Insurance Institution)")]
    public void AProviderNameWithItsOwnParenthesesIsNotWrappedInMore(string language, string expected)
    {
        var details = Visit with { ServiceName = "Housing allowance advice", ProviderName = "Kela (Social Insurance Institution)" };

        var summary = IcsTexts.Summary(details, language);

        Assert.Equal(expected, summary);
        Assert.DoesNotContain("))", summary);
    }
}
