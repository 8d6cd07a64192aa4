using Ajanvaraus.Api.Search;

namespace Ajanvaraus.Api.Bookings;

internal static class BookingViews
{
    // A booking just written, with its names from this instance's catalogue (the answer needs no read-back); null when
    // the catalogue lacks one of them (an expert or service taken out of use, a point removed).
    public static BookingView? FromCatalogue(BookingRow row, IndexCatalogue catalogue)
    {
        if (!catalogue.Services.TryGetValue(row.ServiceId, out var service) || !catalogue.Experts.TryGetValue(row.ExpertId, out var expert)
            || !catalogue.Providers.TryGetValue(row.ProviderId, out var provider))
        {
            return null;
        }

        var point = row.ServicePointId is null ? null
            : catalogue.Points.TryGetValue(row.ServicePointId, out var p) ? p.Point : null;
        if (row.ServicePointId is not null && point is null)
        {
            return null;
        }

        return new BookingView(row, new BookingNames
        {
            ServiceNameFi = service.NameFi, ServiceNameSv = service.NameSv, ServiceNameEn = service.NameEn,
            ProviderNameFi = provider.Fi, ProviderNameSv = provider.Sv, ProviderNameEn = provider.En,
            ExpertName = expert.DisplayName,
            PointNameFi = point?.NameFi, PointNameSv = point?.NameSv, PointNameEn = point?.NameEn,
            StreetAddress = point?.StreetAddress, PostalCode = point?.PostalCode, PostOffice = point?.PostOffice,
            TimeZone = point?.TimeZone,
            InstructionsFi = service.InstructionsFi, InstructionsSv = service.InstructionsSv, InstructionsEn = service.InstructionsEn,
        });
    }
}
