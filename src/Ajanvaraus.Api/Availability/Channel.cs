using System.Text.Json.Serialization;

namespace Ajanvaraus.Api.Availability;

// How a customer is served (DESIGN.md). JSON and the database spell them in snake_case.
public enum Channel
{
    [JsonStringEnumMemberName("in_person")]
    InPerson,
    [JsonStringEnumMemberName("remote_at_point")]
    RemoteAtPoint,
    [JsonStringEnumMemberName("video")]
    Video,
    [JsonStringEnumMemberName("phone")]
    Phone,
}

// A set of channels as the database keeps it: four flag columns (AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo,
// AllowsPhone) on services, rules and windows.
internal readonly record struct ChannelFlags(bool AllowsInPerson, bool AllowsRemoteAtPoint, bool AllowsVideo, bool AllowsPhone)
{
    public static ChannelFlags Of(IEnumerable<Channel> channels)
    {
        var set = channels.ToHashSet();
        return new(set.Contains(Channel.InPerson), set.Contains(Channel.RemoteAtPoint), set.Contains(Channel.Video),
            set.Contains(Channel.Phone));
    }

    public bool IsEmpty => !(AllowsInPerson || AllowsRemoteAtPoint || AllowsVideo || AllowsPhone);

    public bool Allows(Channel channel) => channel switch
    {
        Channel.InPerson => AllowsInPerson,
        Channel.RemoteAtPoint => AllowsRemoteAtPoint,
        Channel.Video => AllowsVideo,
        Channel.Phone => AllowsPhone,
        _ => false,
    };

    public IReadOnlyList<Channel> ToList() => Enum.GetValues<Channel>().Where(Allows).ToList();

    // The database spelling, as stored in Bookings.Channel and Holds.Channel.
    public static string Name(Channel channel) => channel switch
    {
        Channel.InPerson => "in_person",
        Channel.RemoteAtPoint => "remote_at_point",
        Channel.Video => "video",
        _ => "phone",
    };

    public static Channel Parse(string name) => name switch
    {
        "in_person" => Channel.InPerson,
        "remote_at_point" => Channel.RemoteAtPoint,
        "video" => Channel.Video,
        "phone" => Channel.Phone,
        _ => throw new FormatException($"Unknown channel '{name}'."),
    };
}
