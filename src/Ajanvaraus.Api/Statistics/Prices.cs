using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Ajanvaraus.Api.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Ajanvaraus.Api.Statistics;

// A unit price of a transaction type for a period (local dates, both inclusive; no end = until further notice).
public sealed record CreatePriceRequest(
    [property: Required, RegularExpression(Slug.Pattern, ErrorMessage = Slug.Message)] string TransactionType,
    [property: RegularExpression(Slug.Pattern, ErrorMessage = Slug.Message),
        Description("The agency this price is for; absent = every agency without a price of its own.")] string? ProviderId,
    [property: Required, DateInRange] DateOnly? ValidFrom,
    [property: DateInRange] DateOnly? ValidUntil,
    [property: Required, Range(0, 1_000_000, ErrorMessage = "Give an amount from 0 to 1000000 euros."),
        Description("Euros per transaction, at most two decimals.")] decimal? UnitPrice);

public sealed record PriceResponse(Guid Id, string TransactionType, string? ProviderId, DateOnly ValidFrom, DateOnly? ValidUntil,
    decimal UnitPrice);

// What an agency pays the point's municipality per month (perusosa); a part month is paid by its days.
public sealed record CreateBasicPartRequest(
    [property: Required, RegularExpression(Slug.Pattern, ErrorMessage = Slug.Message)] string ServicePointId,
    [property: Required, RegularExpression(Slug.Pattern, ErrorMessage = Slug.Message)] string ProviderId,
    [property: Required, DateInRange] DateOnly? ValidFrom,
    [property: DateInRange] DateOnly? ValidUntil,
    [property: Required, Range(0, 100_000_000, ErrorMessage = "Give an amount from 0 to 100000000 euros."),
        Description("Euros per month, at most two decimals.")] decimal? MonthlyAmount);

public sealed record BasicPartResponse(Guid Id, string ServicePointId, string ProviderId, DateOnly ValidFrom, DateOnly? ValidUntil,
    decimal MonthlyAmount);

public sealed record PriceQuery(
    [property: StringLength(40), Description("Only this transaction type's prices.")]
    [FromQuery(Name = "transactionType")] string? TransactionType,
    [property: StringLength(40), Description("Only this service point's basic parts.")]
    [FromQuery(Name = "servicePoint")] string? ServicePoint);

internal sealed record PriceRow
{
    public Guid Id { get; init; }
    public string TransactionTypeId { get; init; } = "";
    public string? ProviderId { get; init; }
    public DateOnly ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public long UnitPriceCents { get; init; }

    public PriceResponse ToResponse() => new(Id, TransactionTypeId, ProviderId, ValidFrom, ValidUntil, Money.Euros(UnitPriceCents));

    public bool Covers(DateOnly day) => ValidFrom <= day && (ValidUntil is null || day <= ValidUntil);
}

internal sealed record BasicPartRow
{
    public Guid Id { get; init; }
    public string ServicePointId { get; init; } = "";
    public string ProviderId { get; init; } = "";
    public DateOnly ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public long MonthlyAmountCents { get; init; }

    public BasicPartResponse ToResponse() => new(Id, ServicePointId, ProviderId, ValidFrom, ValidUntil, Money.Euros(MonthlyAmountCents));
}

// Money is kept in whole cents: exact on both engines and in sums.
internal static class Money
{
    public static decimal Euros(long cents) => cents / 100m;

    public static long? Cents(decimal euros) => decimal.Round(euros, 2) == euros ? (long)(euros * 100) : null;
}

internal enum PriceWrite
{
    Done,
    Overlaps,
    UnknownReference,
}

// The price lists are short (a few rows per type and period): one answer, no paging.
public sealed record PriceListResponse(IReadOnlyList<PriceResponse> Items);

public sealed record BasicPartListResponse(IReadOnlyList<BasicPartResponse> Items);
