using Ajanvaraus.Api.Availability;

namespace Ajanvaraus.Api.Tests.Availability;

public sealed class WindowJoinTests
{
    private static readonly DateTimeOffset Day = DateTimeOffset.Parse("2026-11-24T00:00:00Z");
    private static readonly Guid Expert = Guid.Parse("01990b6e-55aa-7c3e-9d1f-2b7a4c9e0a11");

    private static SlotWindow W(int from, int to, ChannelFlags c, string? point = "mikkeli") =>
        new(Expert, point, Day.AddMinutes(from), Day.AddMinutes(to), c.AllowsInPerson, c.AllowsRemoteAtPoint, c.AllowsVideo, c.AllowsPhone);

    // The minutes each (place, channel) covers: what joining must keep exactly.
    private static HashSet<(string?, Channel, int)> Covered(IEnumerable<SlotWindow> windows) =>
        windows.SelectMany(w => w.Channels.ToList().SelectMany(c =>
            Enumerable.Range((int)(w.StartsAt - Day).TotalMinutes, (int)(w.EndsAt - w.StartsAt).TotalMinutes)
                .Select(m => (w.ServicePointId, c, m)))).ToHashSet();

    [Fact]
    public void AdjacentWindowsOfOneChannelBecomeOne()
    {
        var inPerson = new ChannelFlags(true, false, false, false);
        var joined = WindowJoin.Join([W(600, 660, inPerson), W(540, 600, inPerson)]);
        Assert.Equal([W(540, 660, inPerson)], joined);
    }

    [Fact]
    public void WindowsOfOtherPlacesOrExpertsStayApart()
    {
        var video = new ChannelFlags(false, false, true, false);
        var joined = WindowJoin.Join([W(540, 600, video), W(600, 660, video, "parainen")]);
        Assert.Equal(2, joined.Count);
    }

    [Fact]
    public void JoiningKeepsEveryCoveredMinuteAndLeavesNoTouchingStretches()
    {
        // A seeded random property: any mix of windows and channel sets.
        var random = new Random(15);
        for (var run = 0; run < 300; run++)
        {
            var windows = Enumerable.Range(0, random.Next(1, 8)).Select(_ =>
            {
                var start = random.Next(0, 48) * 15;
                var flags = new ChannelFlags(random.Next(2) == 0, random.Next(2) == 0, random.Next(2) == 0, random.Next(2) == 0);
                flags = flags.IsEmpty ? new ChannelFlags(false, false, false, true) : flags;
                return W(start, start + (random.Next(1, 12) * 15), flags, random.Next(3) == 0 ? "parainen" : "mikkeli");
            }).ToList();

            var joined = WindowJoin.Join(windows);

            Assert.Equal(Covered(windows), Covered(joined));
            foreach (var channel in Enum.GetValues<Channel>())
            {
                foreach (var place in joined.Where(w => w.Channels.Allows(channel)).GroupBy(w => w.ServicePointId))
                {
                    var ordered = place.OrderBy(w => w.StartsAt).ToList();
                    Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.True(pair.First.EndsAt < pair.Second.StartsAt));
                }
            }
        }
    }
}
