using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Services;

// Service lists are sorted by name in the asked language, then id: the key is the language it was sorted in and the
// last item's (name, id), inside the one cursor rule (ListCursor). A cursor of a list in another language belongs to
// another order: 400, as a foreign one.
internal sealed class ServiceCursor(string list)
{
    public static readonly ServiceCursor Search = new("services");
    public static readonly ServiceCursor OfProvider = new("provider-services");

    public ListCursor List { get; } = new(list);

    public static string Key(ServiceSummaryRow row, string language) => $"{language}|{row.Id:D}|{row.NameIn(language)}";

    public bool TryRead(PageQuery page, string language, out (string Name, Guid Id)? after)
    {
        after = null;
        if (!List.TryRead(page.Cursor, out var key))
        {
            return false;
        }

        if (key is null)
        {
            return true;
        }

        if (key.Split('|', 3) is [var lang, var id, var name] && lang == language && Guid.TryParse(id, out var guid))
        {
            after = (name, guid);
            return true;
        }

        return false;
    }
}
