using Ajanvaraus.Api.Availability;

namespace Ajanvaraus.Api.Tests.Availability;

public sealed class OpeningHoursCutTests
{
    private static readonly DateTimeOffset Day = DateTimeOffset.Parse("2026-11-24T00:00:00Z");

    private static TimeInterval Hours(int from, int to) => new(Day.AddHours(from), Day.AddHours(to));

    [Fact]
    public void InPersonHoldsOnlyWithinTheHoursAndOtherChannelsKeepTheWholeWindow()
    {
        var pieces = OpeningHoursCut.Cut(Hours(7, 20), [Hours(8, 12), Hours(13, 16)], hasOtherChannels: true);

        Assert.Equal(
            [(Hours(7, 8), false), (Hours(8, 12), true), (Hours(12, 13), false), (Hours(13, 16), true), (Hours(16, 20), false)],
            pieces.Select(p => (p.Span, p.InPerson)));
    }

    [Fact]
    public void AnInPersonOnlyWindowKeepsJustItsOpenPieces()
    {
        Assert.Equal([Hours(8, 10)], OpeningHoursCut.Cut(Hours(7, 10), [Hours(8, 16)], hasOtherChannels: false).Select(p => p.Span));
        Assert.Empty(OpeningHoursCut.Cut(Hours(17, 19), [Hours(8, 16)], hasOtherChannels: false));
        Assert.Empty(OpeningHoursCut.Cut(Hours(9, 11), [], hasOtherChannels: false));
    }

    [Fact]
    public void AWindowInsideTheHoursStaysWhole()
    {
        var piece = Assert.Single(OpeningHoursCut.Cut(Hours(9, 12), [Hours(8, 16)], hasOtherChannels: true));
        Assert.Equal((Hours(9, 12), true), (piece.Span, piece.InPerson));
    }
}
