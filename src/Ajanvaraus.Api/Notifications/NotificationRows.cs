namespace Ajanvaraus.Api.Notifications;

// The outbox's rows as the store reads them: the operators' view, a claimed message with everything its text needs,
// and what the health check reads.
internal sealed record OutboxHealth
{
    public long Dead { get; init; }
    public DateTimeOffset? OldestEmail { get; init; }
    public DateTimeOffset? OldestSms { get; init; }
    public long WaitingEmail { get; init; }
    public long WaitingSms { get; init; }

    public long Waiting(string channel) => channel == "sms" ? WaitingSms : WaitingEmail;

    public DateTimeOffset? OldestDue => OldestEmail is { } e && OldestSms is { } s ? (e < s ? e : s) : OldestEmail ?? OldestSms;
}

internal sealed record NotificationRow
{
    public Guid Id { get; init; }
    public Guid BookingId { get; init; }
    public string Kind { get; init; } = "";
    public string Channel { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTimeOffset DueAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }
    public DateTimeOffset? ClaimedUntil { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
    public int Sequence { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

// A claimed message with everything its text needs.
internal sealed record ClaimedMessage
{
    public Guid Id { get; init; }
    public Guid BookingId { get; init; }
    public string Kind { get; init; } = "";
    public string Channel { get; init; } = "";
    public int Attempts { get; init; }
    public int Sequence { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string BookingChannel { get; init; } = "";
    public string? ServicePointId { get; init; }
    public string? MeetingUrl { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string Reference { get; init; } = "";
    public string ProviderId { get; init; } = "";
    public string CustomerName { get; init; } = "";
    public string? CustomerEmail { get; init; }
    public string? CustomerPhone { get; init; }
    public string CustomerLanguage { get; init; } = "fi";
    public string ServiceNameFi { get; init; } = "";
    public string ServiceNameSv { get; init; } = "";
    public string ServiceNameEn { get; init; } = "";
    public string? InstructionsFi { get; init; }
    public string? InstructionsSv { get; init; }
    public string? InstructionsEn { get; init; }
    public string ProviderNameFi { get; init; } = "";
    public string ProviderNameSv { get; init; } = "";
    public string ProviderNameEn { get; init; } = "";
    public string? PointNameFi { get; init; }
    public string? PointNameSv { get; init; }
    public string? PointNameEn { get; init; }
    public string? StreetAddress { get; init; }
    public string? PostalCode { get; init; }
    public string? PostOffice { get; init; }
    public string? TimeZone { get; init; }
    public string? ProtectedManageToken { get; init; }
    public DateTimeOffset? PreviousStartsAt { get; init; }
    public DateTimeOffset? PreviousEndsAt { get; init; }
    public string? PreviousChannel { get; init; }
    public string? VideoRoomName { get; init; }
}
