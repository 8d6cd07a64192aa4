using Ajanvaraus.Api.Availability;

namespace Ajanvaraus.Api.Bookings;

/// <summary>The checks a booking form gets before anything is reserved; each error names its field.</summary>
internal static class BookingRequests
{
    public static Dictionary<string, string[]> CustomerErrors(CustomerRequest customer, Channel channel, out string? phone)
    {
        var errors = new Dictionary<string, string[]>();
        phone = null;
        if (customer.Email is { Length: > 0 } email && !ContactValidation.IsValidEmail(email))
        {
            errors["customer.email"] = ["Not a valid e-mail address."];
        }

        if (customer.Phone is { Length: > 0 } given && !ContactValidation.NormalizeFinnishPhone(given, out phone))
        {
            errors["customer.phone"] = ["Not a valid Finnish phone number (e.g. 040 123 4567 or +358 40 123 4567)."];
        }

        if (channel == Channel.Phone && string.IsNullOrWhiteSpace(customer.Phone))
        {
            errors["customer.phone"] = ["A phone appointment needs the number the expert will call."];
        }

        if (string.IsNullOrWhiteSpace(customer.Email) && string.IsNullOrWhiteSpace(customer.Phone))
        {
            errors["customer"] = ["Give an e-mail address or a phone number for the confirmation."];
        }

        return errors;
    }

    public static Dictionary<string, string[]> SlotErrors(Guid? serviceId, Guid? expertId, DateTimeOffset? start, Channel? channel)
    {
        var errors = new Dictionary<string, string[]>();
        if (serviceId is null)
        {
            errors["serviceId"] = ["Required (or give holdId and holdToken)."];
        }

        if (expertId is null)
        {
            errors["expertId"] = ["Required (or give holdId and holdToken)."];
        }

        if (start is null)
        {
            errors["start"] = ["Required (or give holdId and holdToken)."];
        }
        else if (!UnitMath.IsOnUnitBoundary(start.Value))
        {
            errors["start"] = ["Times start on whole 5 minutes (e.g. 09:00, 09:05)."];
        }

        if (channel is null)
        {
            errors["channel"] = ["Required (or give holdId and holdToken)."];
        }

        return errors;
    }

    public static Dictionary<string, string[]> NotBookable(string field = "start") =>
        new() { [field] = ["This time is not bookable: the expert does not publish it for this service, channel and place, or it is within the minimum notice or beyond the booking horizon."] };
}
