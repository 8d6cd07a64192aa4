namespace Ajanvaraus.Api.ServicePoints;

// The rules of a service point that DataAnnotations cannot state; keys are the JSON field paths.
internal static class ServicePointValidation
{
    public static Dictionary<string, string[]> Errors(ServicePointDraft draft)
    {
        var errors = new Dictionary<string, string[]>();
        if (Municipalities.Find(draft.MunicipalityCode) is null)
        {
            errors["municipalityCode"] = [$"'{draft.MunicipalityCode}' is not a municipality code in Statistics Finland's list."];
        }

        if (draft.TimeZone is { } zone && !IsIanaTimeZone(zone))
        {
            errors["timeZone"] = [$"'{zone}' is not an IANA time zone id (e.g. 'Europe/Helsinki')."];
        }

        var hours = draft.OpeningHours ?? [];
        for (var i = 0; i < hours.Count; i++)
        {
            if (string.CompareOrdinal(hours[i].Opens, hours[i].Closes) >= 0)
            {
                errors[$"openingHours[{i}].closes"] = ["The closing time must be after the opening time."];
            }
        }

        if (!errors.Keys.Any(k => k.StartsWith("openingHours", StringComparison.Ordinal)) && Overlap(draft.Hours) is { } weekday)
        {
            errors["openingHours"] = [$"Opening periods of weekday {weekday} overlap."];
        }

        return errors;
    }

    public static bool IsIanaTimeZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    // The first weekday whose periods overlap (the hours come sorted by weekday and opening time).
    private static int? Overlap(IReadOnlyList<OpeningHoursRow> hours)
    {
        for (var i = 1; i < hours.Count; i++)
        {
            if (hours[i].Weekday == hours[i - 1].Weekday && hours[i].Opens < hours[i - 1].Closes)
            {
                return hours[i].Weekday;
            }
        }

        return null;
    }
}
