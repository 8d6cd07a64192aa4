using Ajanvaraus.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Services;

// Service lists are sorted by name in the asked language, then id: the cursor is the last item's (name, id) and the
// language it was sorted in. A cursor from a list in another language belongs to another order: 400, as a foreign one.
internal static class ServiceCursor
{
    public static string Of(ServiceSummaryRow row, string language) => $"{language}|{row.Id:D}|{row.NameIn(language)}";

    public static bool TryRead(PageQuery page, string language, out (string Name, Guid Id)? after)
    {
        after = null;
        if (page.Cursor is null)
        {
            return true;
        }

        if (page.After?.Split('|', 3) is [var lang, var id, var name] && lang == language && Guid.TryParse(id, out var guid))
        {
            after = (name, guid);
            return true;
        }

        return false;
    }

    public static ValidationProblem Invalid() => GuidCursor.Invalid();
}
