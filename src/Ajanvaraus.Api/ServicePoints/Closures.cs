using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.ServicePoints;

// Days the point is closed, both ends included, as local dates `yyyy-MM-dd`.
public sealed record CreateClosureRequest(
    [property: Required, DateInRange, Description("First closed day (local date).")] DateOnly? FirstDay,
    [property: Required, DateInRange, Description("Last closed day (local date); on or after `firstDay`.")] DateOnly? LastDay,
    [property: StringLength(500), PlainText(lineBreaks: true)] string? Reason = null);

public sealed record ClosureResponse(Guid Id, DateOnly FirstDay, DateOnly LastDay, string? Reason = null);

internal sealed record ClosureRow(Guid Id, string ServicePointId, DateOnly FirstDay, DateOnly LastDay, string? Reason)
{
    public ClosureResponse ToResponse() => new(Id, FirstDay, LastDay, Reason);
}
