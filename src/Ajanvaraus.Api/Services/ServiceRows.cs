using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Services;

// A whole Services row: what other features (availability, booking) need to know of a service.
internal sealed record ServiceRow
{
    public Guid Id { get; init; }
    public string ProviderId { get; init; } = "";
    public string NameFi { get; init; } = "";
    public string NameSv { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string? DescriptionFi { get; init; }
    public string? DescriptionSv { get; init; }
    public string? DescriptionEn { get; init; }
    public int DurationMinutes { get; init; }
    public bool AllowsInPerson { get; init; }
    public bool AllowsRemoteAtPoint { get; init; }
    public bool AllowsVideo { get; init; }
    public bool AllowsPhone { get; init; }
    public int MinimumNoticeMinutes { get; init; }
    public int BookingHorizonDays { get; init; }
    public int CancellationCutoffMinutes { get; init; }
    public string? CardFi { get; init; }
    public string? CardSv { get; init; }
    public string? CardEn { get; init; }
    public string? InstructionsFi { get; init; }
    public string? InstructionsSv { get; init; }
    public string? InstructionsEn { get; init; }

    // False once deleted while bookings still refer to it: kept for them, gone from the catalogue.
    public bool IsActive { get; init; } = true;

    // Read with the row (a join) for the answers; a row built from a request takes them from its provider.
    public string ProviderNameFi { get; init; } = "";
    public string ProviderNameSv { get; init; } = "";
    public string ProviderNameEn { get; init; } = "";

    public LocalizedText Names => new(NameFi, NameSv, NameEn);

    public ServiceRow WithProvider(LocalizedText names) =>
        this with { ProviderNameFi = names.Fi, ProviderNameSv = names.Sv, ProviderNameEn = names.En };

    public ChannelFlags Channels => new(AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone);

    public static ServiceRow From(Guid id, string providerId, ServiceRequest body)
    {
        var channels = ChannelFlags.Of(body.Channels);
        return new ServiceRow
        {
            Id = id,
            ProviderId = providerId,
            NameFi = body.Names.Fi,
            NameSv = body.Names.Sv,
            NameEn = body.Names.En,
            DescriptionFi = body.Descriptions?.Fi,
            DescriptionSv = body.Descriptions?.Sv,
            DescriptionEn = body.Descriptions?.En,
            DurationMinutes = body.DurationMinutes,
            AllowsInPerson = channels.AllowsInPerson,
            AllowsRemoteAtPoint = channels.AllowsRemoteAtPoint,
            AllowsVideo = channels.AllowsVideo,
            AllowsPhone = channels.AllowsPhone,
            MinimumNoticeMinutes = body.MinimumNoticeMinutes,
            BookingHorizonDays = body.BookingHorizonDays,
            CancellationCutoffMinutes = body.CancellationCutoffMinutes,
            CardFi = body.Card?.Fi,
            CardSv = body.Card?.Sv,
            CardEn = body.Card?.En,
            InstructionsFi = body.Instructions?.Fi,
            InstructionsSv = body.Instructions?.Sv,
            InstructionsEn = body.Instructions?.En,
        };
    }

    public ServiceResponse ToResponse(string language, bool withCard)
    {
        var descriptions = LongText(DescriptionFi, DescriptionSv, DescriptionEn);
        var instructions = LongText(InstructionsFi, InstructionsSv, InstructionsEn);
        return new ServiceResponse(
            Id,
            ProviderId,
            Names.In(language),
            descriptions?.In(language),
            Names,
            descriptions,
            DurationMinutes,
            Channels.ToList(),
            MinimumNoticeMinutes,
            BookingHorizonDays,
            CancellationCutoffMinutes,
            withCard ? LongText(CardFi, CardSv, CardEn) : null,
            new LocalizedText(ProviderNameFi, ProviderNameSv, ProviderNameEn).In(language),
            instructions,
            instructions?.In(language));
    }

    internal static LocalizedLongText? LongText(string? fi, string? sv, string? en) =>
        fi is null && sv is null && en is null ? null : new LocalizedLongText(fi, sv, en);
}

// The columns a catalogue or search list shows.
internal sealed record ServiceSummaryRow
{
    public Guid Id { get; init; }
    public string ProviderId { get; init; } = "";
    public string NameFi { get; init; } = "";
    public string NameSv { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string? DescriptionFi { get; init; }
    public string? DescriptionSv { get; init; }
    public string? DescriptionEn { get; init; }
    public int DurationMinutes { get; init; }
    public bool AllowsInPerson { get; init; }
    public bool AllowsRemoteAtPoint { get; init; }
    public bool AllowsVideo { get; init; }
    public bool AllowsPhone { get; init; }
    public string ProviderNameFi { get; init; } = "";
    public string ProviderNameSv { get; init; } = "";
    public string ProviderNameEn { get; init; } = "";

    public ServiceSummary ToSummary(string language) => new(
        ProviderId,
        Id,
        new LocalizedText(NameFi, NameSv, NameEn).In(language),
        ServiceRow.LongText(DescriptionFi, DescriptionSv, DescriptionEn)?.In(language),
        DurationMinutes,
        new ChannelFlags(AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone).ToList(),
        ProviderNameIn(language));

    public string NameIn(string language) => new LocalizedText(NameFi, NameSv, NameEn).In(language);

    public string ProviderNameIn(string language) => new LocalizedText(ProviderNameFi, ProviderNameSv, ProviderNameEn).In(language);
}

// What a search asks for, in the terms of the database.
internal sealed record ServiceFilter(string? ProviderId, string? ServicePointId, string? MunicipalityCode, Channel? Channel);

internal enum ServiceRemoval
{
    Deleted,
    Deactivated,
    NotFound,
    Booked,
}
