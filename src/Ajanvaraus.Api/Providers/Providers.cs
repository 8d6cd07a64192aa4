using System.ComponentModel.DataAnnotations;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Privacy;

namespace Ajanvaraus.Api.Providers;

// `retentionDays`: how many days after a booking's end its customer data is kept (absent: the service's default,
// Privacy:RetentionDays).
public sealed record CreateProviderRequest(
    [property: Required, RegularExpression(Slug.Pattern, ErrorMessage = Slug.Message)] string Id,
    [property: Required] LocalizedText Names,
    [property: Range(1, PrivacyOptions.MaxRetentionDays, ErrorMessage = PrivacyOptions.RetentionMessage)] int? RetentionDays = null);

public sealed record UpdateProviderRequest(
    [property: Required] LocalizedText Names,
    [property: Range(1, PrivacyOptions.MaxRetentionDays, ErrorMessage = PrivacyOptions.RetentionMessage)] int? RetentionDays = null);

// A provider: `name` in the language asked for, `names` in all three; `retentionDays` when it sets its own.
public sealed record ProviderResponse(string Id, string Name, LocalizedText Names, int? RetentionDays = null);

internal sealed record ProviderRow(string Id, string NameFi, string NameSv, string NameEn)
{
    // For Dapper: it binds a NULL column to an int? property, not to an int? constructor parameter.
    public ProviderRow()
        : this("", "", "", "")
    {
    }

    // Null: the provider sets none, the service's default applies.
    public int? RetentionDays { get; init; }

    public LocalizedText Names => new(NameFi, NameSv, NameEn);

    public ProviderResponse ToResponse(string language)
    {
        var names = new LocalizedText(NameFi, NameSv, NameEn);
        return new ProviderResponse(Id, names.In(language), names, RetentionDays);
    }
}
