using System.ComponentModel.DataAnnotations;

namespace Ajanvaraus.Api.Notifications;

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

internal sealed class NotificationOptions : IValidatableObject
{
    public const string Section = "Notifications";

    // False: no message is ever written (a training or test installation whose customers must not be contacted).
    public bool Enabled { get; set; } = true;

    public static readonly int[] DefaultReminderMinutes = [1440, 120];

    // Minutes before the start; one reminder per entry. Read by ReadReminderMinutes, not bound: the binder appends
    // configured entries to a pre-filled array, so `__0=30` gave 1440, 120 and 30.
    public int[] ReminderMinutes { get; set; } = DefaultReminderMinutes;

    // The configured list replaces the default; an empty value (`Notifications__ReminderMinutes=`) means no reminders.
    public static void ReadReminderMinutes(NotificationOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection($"{Section}:{nameof(ReminderMinutes)}");
        var entries = section.GetChildren().ToList();
        options.ReminderMinutes = entries.Count > 0
            ? entries.Select(e => int.TryParse(e.Value, out var minutes) ? minutes : 0).ToArray()
            : section.Value is { } value && string.IsNullOrWhiteSpace(value) ? [] : DefaultReminderMinutes;
    }

    [Range(1, 3600)]
    public int DispatchSeconds { get; set; } = 15;

    [Range(1, 3600)]
    public int RetryBaseSeconds { get; set; } = 30;

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    // How long a claim lasts: longer than a send can take (the SMTP and SMS timeouts), so that only a dead
    // claimant's rows are taken over.
    [Range(10, 3600)]
    public int ClaimSeconds { get; set; } = 120;

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    // Senders per channel in one dispatch run: SMTP connections (or SMS requests) an instance has open at once.
    [Range(1, 32)]
    public int Senders { get; set; } = 4;

    // The booking page's manage view (/book/manage/...): a citizen opens it, never a raw API answer. A path is of this
    // service, under Api:PublicBaseUrl (PublicBaseUrl.Absolute); an absolute URL is a portal's own page.
    [Required]
    public string ManageUrlTemplate { get; set; } = "/book/manage/{id}?token={token}";

    public SmtpSettings Smtp { get; set; } = new();

    public SmsSettings Sms { get; set; } = new();

    public bool EmailEnabled => !string.IsNullOrWhiteSpace(Smtp.Host);

    public bool SmsEnabled => !string.IsNullOrWhiteSpace(Sms.Url);

    public bool Sends(string channel) => channel == "sms" ? SmsEnabled : EmailEnabled;

    public string ManageUrl(Guid bookingId, string token) =>
        ManageUrlTemplate.Replace("{id}", bookingId.ToString("D"), StringComparison.Ordinal)
            .Replace("{token}", Uri.EscapeDataString(token), StringComparison.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReminderMinutes.Any(m => m is < 1 or > 60 * 24 * 60))
        {
            yield return new ValidationResult("Each reminder offset must be 1-86400 minutes.", [nameof(ReminderMinutes)]);
        }

        // DataAnnotations do not look into nested objects: the SMTP and SMS settings are checked here.
        var nested = new List<ValidationResult>();
        Validator.TryValidateObject(Smtp, new ValidationContext(Smtp), nested, validateAllProperties: true);
        Validator.TryValidateObject(Sms, new ValidationContext(Sms), nested, validateAllProperties: true);
        foreach (var result in nested)
        {
            yield return result;
        }

        if (EmailEnabled && string.IsNullOrWhiteSpace(Smtp.From))
        {
            yield return new ValidationResult("Notifications:Smtp:From is required when Notifications:Smtp:Host is set.", ["Smtp.From"]);
        }

        if (EmailEnabled && !MimeKit.MailboxAddress.TryParse(Smtp.From, out _))
        {
            yield return new ValidationResult(
                "Notifications:Smtp:From must be an address, e.g. \"Ajanvaraus <noreply@example.fi>\".", ["Smtp.From"]);
        }

        if (!ManageUrlTemplate.Contains("{token}", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Notifications:ManageUrlTemplate must contain {token}.", [nameof(ManageUrlTemplate)]);
        }

        if (SmsEnabled && !Uri.TryCreate(Sms.Url, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Notifications:Sms:Url must be an absolute URL.", ["Sms.Url"]);
        }
    }
}

internal sealed class SmtpSettings
{
    // Empty: no e-mail is sent; messages wait in the outbox (the embedded default).
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;

    public string? User { get; set; }

    public string? Password { get; set; }

    // The sender (e.g. "Ajanvaraus <noreply@ajanvaraus.example>"); invitations carry Calendars:Organizer, as every .ics does.
    public string? From { get; set; } = "Ajanvaraus <noreply@ajanvaraus.example>";

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;
}

internal sealed class SmsSettings
{
    // Empty: no SMS is sent; messages wait in the outbox.
    public string? Url { get; set; }

    public string? AuthorizationHeader { get; set; }

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 15;
}
