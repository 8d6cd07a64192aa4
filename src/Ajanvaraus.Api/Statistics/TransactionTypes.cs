using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Ajanvaraus.Api.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Ajanvaraus.Api.Statistics;

public sealed record CreateTransactionTypeRequest(
    [property: Required, RegularExpression(Slug.Pattern, ErrorMessage = Slug.Message)] string Id,
    [property: RegularExpression(Slug.Pattern, ErrorMessage = Slug.Message),
        Description("The agency the type is specific to; absent = common to every agency.")] string? ProviderId,
    [property: Required] LocalizedText Names);

public sealed record UpdateTransactionTypeRequest([property: Required] LocalizedText Names);

// A kind of transaction the compensation is priced by: `name` in the language asked for, `names` in all three.
public sealed record TransactionTypeResponse(string Id, string? ProviderId, string Name, LocalizedText Names);

public sealed record TransactionTypeQuery(
    [property: StringLength(40), Description("Only the types an agency may use: the common ones and its own (e.g. `kela`).")]
    [FromQuery(Name = "provider")] string? Provider);

internal sealed record TransactionTypeRow
{
    // The common type completed bookings count under.
    public const string Appointment = "appointment";

    public string Id { get; init; } = "";
    public string? ProviderId { get; init; }
    public string NameFi { get; init; } = "";
    public string NameSv { get; init; } = "";
    public string NameEn { get; init; } = "";

    public TransactionTypeResponse ToResponse(string language)
    {
        var names = new LocalizedText(NameFi, NameSv, NameEn);
        return new TransactionTypeResponse(Id, ProviderId, names.In(language), names);
    }

    // A common type serves every agency; an agency's own type only that agency.
    public bool Serves(string providerId) => ProviderId is null || ProviderId == providerId;
}
