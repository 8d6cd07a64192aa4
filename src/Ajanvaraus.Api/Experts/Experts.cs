using System.Collections;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Experts;

// An expert as their agency writes it (create and full replace).
public sealed record ExpertRequest(
    [property: Required, StringLength(100, MinimumLength = 1), PlainText,
        Description("The name citizens see (the agency's choice; never personal contacts).")] string DisplayName,
    [property: Required, MinLength(1, ErrorMessage = "Give at least one language."), MaxLength(20), LanguageCodes,
        Description("ISO 639-1 codes of the languages the expert serves in (`fi`, `sv`, `en`, `ru`, `so`, ...).")]
    IReadOnlyList<string> Languages,
    [property: Required, MaxLength(200),
        Description("Ids of the services the expert delivers: active services of the same provider (may be empty).")]
    IReadOnlyList<Guid> ServiceIds);

// An expert of a provider: the languages they serve in and the services they deliver (both sorted).
public sealed record ExpertResponse(Guid Id, string ProviderId, string DisplayName, IReadOnlyList<string> Languages,
    IReadOnlyList<Guid> ServiceIds);

// Valid when every item is an ISO 639-1 code: two lower-case letters.
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
internal sealed partial class LanguageCodesAttribute() : ValidationAttribute("Use ISO 639-1 language codes: two lower-case letters (fi, sv, en).")
{
    public override bool IsValid(object? value) =>
        value is not IEnumerable items || items.Cast<object?>().All(item => item is string code && Code().IsMatch(code));

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex Code();
}

// An expert with their languages and services: what other features (availability, booking) need to know.
internal sealed record ExpertRow(Guid Id, string ProviderId, string DisplayName, IReadOnlyList<string> Languages,
    IReadOnlyList<Guid> ServiceIds)
{
    public static ExpertRow From(Guid id, string providerId, ExpertRequest body) => new(
        id,
        providerId,
        body.DisplayName,
        body.Languages.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        body.ServiceIds.Distinct().Order().ToList());

    public ExpertResponse ToResponse() => new(Id, ProviderId, DisplayName, Languages, ServiceIds);
}

// The Experts columns; languages and services come from their own tables.
internal sealed record ExpertHeadRow(Guid Id, string ProviderId, string DisplayName);

internal sealed record ExpertLanguageRow(Guid ExpertId, string Language);

internal sealed record ExpertServiceRow(Guid ExpertId, Guid ServiceId);

internal enum ExpertSave
{
    Saved,
    NotFound,
    UnknownServices,
}
