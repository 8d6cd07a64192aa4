using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Statistics;

public sealed record CompensationQuery(
    [property: Required, StringLength(40), Description("The service point (e.g. `mikkeli`).")]
    [FromQuery(Name = "servicePoint")] string? ServicePoint,
    [property: Required, DateInRange, Description("The first day (local Finnish date), inclusive.")]
    [FromQuery(Name = "from")] DateOnly? From,
    [property: Required, DateInRange, Description("The last day (local Finnish date), inclusive.")]
    [FromQuery(Name = "to")] DateOnly? To);

// What the municipality running the point invoices each agency for the period, in euros.
public sealed record CompensationResponse(string ServicePointId, DateOnly From, DateOnly To, string Currency,
    IReadOnlyList<AgencyCompensationResponse> Agencies, decimal Total);

public sealed record AgencyCompensationResponse(string ProviderId, string ProviderName, IReadOnlyList<CompensationLineResponse> Transactions,
    IReadOnlyList<BasicPartLineResponse> BasicParts, decimal TransactionAmount, decimal BasicPartAmount, decimal Total);

// Transactions of one type at one unit price: a price changing mid-period makes two lines, each with its own days.
// Without a price for the days, `unitPrice` is absent and the amount 0.
public sealed record CompensationLineResponse(string TransactionType, string Name, DateOnly From, DateOnly To, long Count,
    decimal? UnitPrice, decimal Amount);

public sealed record BasicPartLineResponse(DateOnly From, DateOnly To, decimal MonthlyAmount, decimal Amount);
