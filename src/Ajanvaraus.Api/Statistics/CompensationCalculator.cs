using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Statistics;

// The compensation statement from the day counts, prices and basic parts: per agency, count × the unit price valid on
// each day (the agency's own price before the common one), plus the basic part, a part month paid by its days.
internal static class CompensationCalculator
{
    public static CompensationResponse Statement(string pointId, DateOnly first, DateOnly last, CompensationInputs inputs, string language)
    {
        var types = inputs.Types.ToDictionary(t => t.Id);
        var providers = inputs.Counts.Select(c => c.ProviderId).Concat(inputs.BasicParts.Select(p => p.ProviderId)).Distinct()
            .Order(StringComparer.Ordinal);
        var agencies = providers.Select(provider =>
        {
            var lines = Lines(provider, first, last, inputs, types, language);
            var parts = inputs.BasicParts.Where(p => p.ProviderId == provider).OrderBy(p => p.ValidFrom)
                .Select(p => BasicPart(p, first, last)).ToList();
            var transactions = lines.Sum(l => l.Amount);
            var basic = parts.Sum(p => p.Amount);
            var names = inputs.ProviderNames.TryGetValue(provider, out var n) ? new LocalizedText(n[0], n[1], n[2]).In(language) : provider;
            return new AgencyCompensationResponse(provider, names, lines, parts, transactions, basic, transactions + basic);
        }).ToList();
        return new CompensationResponse(pointId, first, last, "EUR", agencies, agencies.Sum(a => a.Total));
    }

    public static PriceRow? PriceOn(IEnumerable<PriceRow> prices, string providerId, string typeId, DateOnly day)
    {
        var valid = prices.Where(p => p.TransactionTypeId == typeId && p.Covers(day)).ToList();
        return valid.FirstOrDefault(p => p.ProviderId == providerId) ?? valid.FirstOrDefault(p => p.ProviderId is null);
    }

    private static List<CompensationLineResponse> Lines(string provider, DateOnly first, DateOnly last, CompensationInputs inputs,
        Dictionary<string, TransactionTypeRow> types, string language) =>
        inputs.Counts.Where(c => c.ProviderId == provider)
            .Select(c => (Count: c, Price: PriceOn(inputs.Prices, provider, c.TransactionTypeId, c.Day)))
            .GroupBy(x => (x.Count.TransactionTypeId, PriceId: x.Price?.Id))
            .Select(g =>
            {
                var price = g.First().Price;
                var count = g.Sum(x => x.Count.Count);
                var from = price is null ? g.Min(x => x.Count.Day) : Max(price.ValidFrom, first);
                var to = price is null ? g.Max(x => x.Count.Day) : Min(price.ValidUntil ?? last, last);
                var name = types.TryGetValue(g.Key.TransactionTypeId, out var t) ? t.ToResponse(language).Name : g.Key.TransactionTypeId;
                return new CompensationLineResponse(g.Key.TransactionTypeId, name, from, to, count,
                    price is null ? null : Money.Euros(price.UnitPriceCents), price is null ? 0m : Money.Euros(count * price.UnitPriceCents));
            })
            .OrderBy(l => l.TransactionType, StringComparer.Ordinal).ThenBy(l => l.From).ToList();

    // Each month of the part's days in the period pays (days / days of the month) of the monthly amount, in cents.
    public static BasicPartLineResponse BasicPart(BasicPartRow part, DateOnly first, DateOnly last)
    {
        var from = Max(part.ValidFrom, first);
        var to = Min(part.ValidUntil ?? last, last);
        var cents = 0m;
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            var days = Min(end, to).DayNumber - Max(month, from).DayNumber + 1;
            cents += Math.Round(part.MonthlyAmountCents * (decimal)days / DateTime.DaysInMonth(month.Year, month.Month), 0,
                MidpointRounding.AwayFromZero);
        }

        return new BasicPartLineResponse(from, to, Money.Euros(part.MonthlyAmountCents), cents / 100m);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
