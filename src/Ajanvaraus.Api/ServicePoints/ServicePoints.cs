using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Ajanvaraus.Api.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Ajanvaraus.Api.ServicePoints;

public sealed record PostalAddress(
    [property: Required, StringLength(200, MinimumLength = 1), PlainText] string StreetAddress,
    [property: Required, RegularExpression("^[0-9]{5}$", ErrorMessage = "Use a five-digit postal code (e.g. '50100').")] string PostalCode,
    [property: Required, StringLength(100, MinimumLength = 1), PlainText] string PostOffice);

// One opening period of a weekday, in the point's local time; a day may have several (a lunch break).
public sealed record OpeningPeriod(
    [property: Range(1, 7), Description("ISO 8601 weekday: 1 = Monday ... 7 = Sunday.")] int Weekday,
    [property: Required, RegularExpression(TimeOfDay.Pattern, ErrorMessage = TimeOfDay.Message),
        Description("Local time `HH:mm`, on a 5-minute step.")] string Opens,
    [property: Required, RegularExpression(TimeOfDay.Pattern, ErrorMessage = TimeOfDay.Message),
        Description("Local time `HH:mm`, on a 5-minute step; after `opens`.")] string Closes);

public sealed record CreateServicePointRequest(
    [property: Required, RegularExpression(Slug.Pattern, ErrorMessage = Slug.Message)] string Id,
    [property: Required] LocalizedText Names,
    [property: Required, RegularExpression("^[0-9]{3}$",
        ErrorMessage = "Use Statistics Finland's three-digit municipality code (e.g. '491').")] string MunicipalityCode,
    [property: Required] PostalAddress Address,
    [property: StringLength(64), Description("IANA time zone id; `Europe/Helsinki` when absent.")] string? TimeZone = null,
    [property: MaxLength(70)] IReadOnlyList<OpeningPeriod>? OpeningHours = null,
    LocalizedLongText? AccessibilityNotes = null,
    [property: MaxLength(50), Description("Ids of the providers present at the point.")] IReadOnlyList<string>? Providers = null)
{
    internal ServicePointDraft ToDraft() => new(Names, MunicipalityCode, Address, TimeZone, OpeningHours, AccessibilityNotes, Providers);
}

public sealed record UpdateServicePointRequest(
    [property: Required] LocalizedText Names,
    [property: Required, RegularExpression("^[0-9]{3}$",
        ErrorMessage = "Use Statistics Finland's three-digit municipality code (e.g. '491').")] string MunicipalityCode,
    [property: Required] PostalAddress Address,
    [property: StringLength(64), Description("IANA time zone id; `Europe/Helsinki` when absent.")] string? TimeZone = null,
    [property: MaxLength(70)] IReadOnlyList<OpeningPeriod>? OpeningHours = null,
    LocalizedLongText? AccessibilityNotes = null,
    [property: MaxLength(50), Description("Ids of the providers present at the point.")] IReadOnlyList<string>? Providers = null)
{
    internal ServicePointDraft ToDraft() => new(Names, MunicipalityCode, Address, TimeZone, OpeningHours, AccessibilityNotes, Providers);
}

// Filters of the service point list; all optional, combined with AND.
public sealed record ServicePointFilter(
    [property: RegularExpression("^[0-9]{3}$", ErrorMessage = "Use a three-digit municipality code."),
        Description("Statistics Finland's three-digit municipality code, e.g. `491`.")]
    [FromQuery(Name = "municipality")] string? Municipality,
    [property: StringLength(40), Description("A provider id: only points where that provider serves.")]
    [FromQuery(Name = "provider")] string? Provider,
    [property: Description("A service id: only points where the service's provider serves.")]
    [FromQuery(Name = "service")] Guid? Service);

// A service point in a list: texts in the language asked for.
public sealed record ServicePointSummary(
    string Id,
    string Name,
    LocalizedText Names,
    string MunicipalityCode,
    string MunicipalityName,
    PostalAddress Address,
    string TimeZone,
    string? Accessibility = null);

// A service point in full: `name` and `accessibility` in the language asked for, `names` and `accessibilityNotes` in
// all three.
public sealed record ServicePointResponse(
    string Id,
    string Name,
    LocalizedText Names,
    string MunicipalityCode,
    string MunicipalityName,
    PostalAddress Address,
    string TimeZone,
    IReadOnlyList<OpeningPeriod> OpeningHours,
    IReadOnlyList<ClosureResponse> Closures,
    IReadOnlyList<string> Providers,
    IReadOnlyList<VideoRoomResponse> VideoRooms,
    string? Accessibility = null,
    LocalizedLongText? AccessibilityNotes = null);

// What create and update share, after the request's own shape checks.
internal sealed record ServicePointDraft(
    LocalizedText Names,
    string MunicipalityCode,
    PostalAddress Address,
    string? TimeZone,
    IReadOnlyList<OpeningPeriod>? OpeningHours,
    LocalizedLongText? AccessibilityNotes,
    IReadOnlyList<string>? Providers)
{
    public const string DefaultTimeZone = "Europe/Helsinki";

    public IReadOnlyList<string> ProviderIds => (Providers ?? []).Distinct(StringComparer.Ordinal).ToList();

    public IReadOnlyList<OpeningHoursRow> Hours => (OpeningHours ?? [])
        .Select(p => new OpeningHoursRow { Weekday = p.Weekday, Opens = TimeOfDay.Parse(p.Opens), Closes = TimeOfDay.Parse(p.Closes) })
        .OrderBy(h => h.Weekday).ThenBy(h => h.Opens)
        .ToList();

    public ServicePointRow ToRow(string id) => new(
        id, Names.Fi, Names.Sv, Names.En, MunicipalityCode,
        Address.StreetAddress, Address.PostalCode, Address.PostOffice,
        TimeZone ?? DefaultTimeZone,
        Blank(AccessibilityNotes?.Fi), Blank(AccessibilityNotes?.Sv), Blank(AccessibilityNotes?.En));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

internal sealed record ServicePointRow(
    string Id,
    string NameFi,
    string NameSv,
    string NameEn,
    string MunicipalityCode,
    string StreetAddress,
    string PostalCode,
    string PostOffice,
    string TimeZone,
    string? AccessibilityFi,
    string? AccessibilitySv,
    string? AccessibilityEn)
{
    public LocalizedText Names => new(NameFi, NameSv, NameEn);

    public LocalizedLongText? AccessibilityNotes =>
        AccessibilityFi is null && AccessibilitySv is null && AccessibilityEn is null ? null : new(AccessibilityFi, AccessibilitySv,
            AccessibilityEn);

    public PostalAddress Address => new(StreetAddress, PostalCode, PostOffice);

    // The point's calendar date at the given instant.
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);

    public string MunicipalityName(string language) => Municipalities.Find(MunicipalityCode)?.NameIn(language) ?? MunicipalityCode;

    public ServicePointSummary ToSummary(string language) => new(
        Id, Names.In(language), Names, MunicipalityCode, MunicipalityName(language), Address, TimeZone, AccessibilityNotes?.In(language));
}

// A point with its parts, as read for the detail view.
internal sealed record ServicePointDetails(
    ServicePointRow Point,
    IReadOnlyList<OpeningHoursRow> OpeningHours,
    IReadOnlyList<ClosureRow> Closures,
    IReadOnlyList<string> ProviderIds,
    IReadOnlyList<VideoRoomRow> VideoRooms)
{
    public ServicePointResponse ToResponse(string language) => new(
        Point.Id,
        Point.Names.In(language),
        Point.Names,
        Point.MunicipalityCode,
        Point.MunicipalityName(language),
        Point.Address,
        Point.TimeZone,
        OpeningHours.Select(h => h.ToResponse()).ToList(),
        Closures.Select(c => c.ToResponse()).ToList(),
        ProviderIds,
        VideoRooms.Select(r => r.ToResponse()).ToList(),
        Point.AccessibilityNotes?.In(language),
        Point.AccessibilityNotes);
}

// Weekday is ISO 8601 (1 = Monday); times are local to the point.
internal sealed record OpeningHoursRow
{
    public required int Weekday { get; init; }

    public required TimeOnly Opens { get; init; }

    public required TimeOnly Closes { get; init; }

    public OpeningPeriod ToResponse() => new(Weekday, TimeOfDay.Format(Opens), TimeOfDay.Format(Closes));
}
