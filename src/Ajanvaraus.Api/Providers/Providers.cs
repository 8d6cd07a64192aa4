using System.ComponentModel.DataAnnotations;
using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Providers;

public sealed record CreateProviderRequest(
    [property: Required, RegularExpression(Slug.Pattern, ErrorMessage = Slug.Message)] string Id,
    [property: Required] LocalizedText Names);

public sealed record UpdateProviderRequest([property: Required] LocalizedText Names);

// A provider: `name` in the language asked for, `names` in all three.
public sealed record ProviderResponse(string Id, string Name, LocalizedText Names);

internal sealed record ProviderRow(string Id, string NameFi, string NameSv, string NameEn)
{
    public LocalizedText Names => new(NameFi, NameSv, NameEn);

    public ProviderResponse ToResponse(string language)
    {
        var names = new LocalizedText(NameFi, NameSv, NameEn);
        return new ProviderResponse(Id, names.In(language), names);
    }
}
