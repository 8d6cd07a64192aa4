using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Ajanvaraus.Api.Services;

// A service as its agency writes it (create and full replace).
public sealed record ServiceRequest(
    [property: Required] LocalizedText Names,
    [property: Range(5, 480), MultipleOf(5), Description("Length of an appointment: 5-480 minutes in steps of 5.")] int DurationMinutes,
    [property: Required, MinLength(1, ErrorMessage = "Give at least one channel."), MaxLength(4)] IReadOnlyList<Channel> Channels,
    LocalizedLongText? Descriptions = null,
    [property: Description("The service card for advisers: what the customer must bring, which channel is primary.")] LocalizedLongText? Card = null,
    [property: Range(0, 20160),
        Description("How long before the start a booking must be made (minutes, default 120).")] int MinimumNoticeMinutes = 120,
    [property: Range(1, 365), Description("How many days ahead the service can be booked (default 60).")] int BookingHorizonDays = 60,
    [property: Range(0, 10080),
        Description("Until how many minutes before the start a customer may cancel (default 1440).")] int CancellationCutoffMinutes = 1440,
    [property: Description("For citizens: what to bring and how to prepare. Shown in messages, on the booking page and in the .ics.")]
    LocalizedLongText? Instructions = null);

// One service: `name` and `description` in the language asked for, `names` and `descriptions` in all three. `card` is
// shown to the provider's admins and to advisers only; `instructions` are the citizens' own (what to bring, how to prepare).
public sealed record ServiceResponse(
    Guid Id,
    string ProviderId,
    string Name,
    string? Description,
    LocalizedText Names,
    LocalizedLongText? Descriptions,
    int DurationMinutes,
    IReadOnlyList<Channel> Channels,
    int MinimumNoticeMinutes,
    int BookingHorizonDays,
    int CancellationCutoffMinutes,
    LocalizedLongText? Card,
    [property: Description("The provider's name in the language asked for.")] string ProviderName,
    [property: Description("For citizens: what to bring and how to prepare, in all three languages.")] LocalizedLongText? Instructions,
    [property: Description("The citizens' text in the language asked for.")] string? Instruction);

// A service in a list, localized by Accept-Language.
public sealed record ServiceSummary(
    string ProviderId,
    Guid Id,
    string Name,
    string? Description,
    int DurationMinutes,
    IReadOnlyList<Channel> Channels,
    [property: Description("The provider's name in the language asked for.")] string ProviderName);

// Filters of the public service search; all optional, combined with AND.
public sealed record ServiceSearchQuery(
    [property: RegularExpression(Slug.Pattern, ErrorMessage = Slug.Message),
        Description("Only this provider's services (provider id, e.g. `kela`).")]
    [FromQuery(Name = "provider")] string? Provider,
    [property: RegularExpression(Slug.Pattern, ErrorMessage = Slug.Message),
        Description("Only services of providers present at this service point (point id).")]
    [FromQuery(Name = "servicePoint")] string? ServicePoint,
    [property: RegularExpression("^[0-9]{3}$", ErrorMessage = "Use Statistics Finland's three-digit municipality code (e.g. 491)."),
        Description("Only services of providers present at a service point in this municipality (three-digit code, e.g. `491`).")]
    [FromQuery(Name = "municipality")] string? Municipality,
    [property: RegularExpression("^(in_person|remote_at_point|video|phone)$",
        ErrorMessage = "Use in_person, remote_at_point, video or phone."),
        Description("Only services offered on this channel: `in_person`, `remote_at_point`, `video` or `phone`.")]
    [FromQuery(Name = "channel")] string? Channel);

// Valid when the integer is a multiple of the given step (service durations are whole 5-minute units).
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
internal sealed class MultipleOfAttribute(int step) : ValidationAttribute($"Must be a multiple of {step}.")
{
    public int Step { get; } = step;

    public override bool IsValid(object? value) => value is not int number || number % Step == 0;
}
