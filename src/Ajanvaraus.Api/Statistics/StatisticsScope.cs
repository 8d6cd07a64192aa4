using Ajanvaraus.Api.Bookings;

namespace Ajanvaraus.Api.Statistics;

// Which rows a caller sees: an operator every row (or the point and provider asked for); an agency admin only their
// provider's; an adviser only their point's. Null when the caller asked for someone else's.
internal static class StatisticsScope
{
    public sealed record Scope(string? ServicePointId, string? ProviderId);

    public static Scope? Of(Actor actor, string? servicePoint, string? provider) => actor.Kind switch
    {
        Actor.Operator => new(servicePoint, provider),
        Actor.AgencyAdmin when provider is null || provider == actor.Scope => new(servicePoint, actor.Scope),
        Actor.Adviser when servicePoint is null || servicePoint == actor.Scope => new(actor.Scope, provider),
        _ => null,
    };
}
