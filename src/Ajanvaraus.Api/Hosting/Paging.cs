using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ajanvaraus.Api.Hosting;

// `limit` and `cursor` of every list (keyset paging: the cursor is the last item's key).
public sealed record PageQuery(
    [property: Range(1, 200, ErrorMessage = "Give a whole number from 1 to 200."),
        Description("How many items at most (1-200, default 50).")]
    [FromQuery(Name = "limit")] int? Limit,
    [property: StringLength(400, ErrorMessage = "Pass the `nextCursor` of the previous page as it is."),
        Description("The `nextCursor` of the previous page; absent for the first page.")]
    [FromQuery(Name = "cursor")] string? Cursor)
{
    public const int DefaultLimit = 50;

    internal int Take => Limit ?? DefaultLimit;
}

// A page of a list; `nextCursor` is absent on the last page.
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    // Rows are fetched with one extra row (limit + 1) to know whether more follow.
    internal static Page<T> From<TRow>(IReadOnlyList<TRow> rows, int limit, ListCursor cursor, Func<TRow, string> key, Func<TRow, T> map)
    {
        var more = rows.Count > limit;
        var items = rows.Take(limit).Select(map).ToList();
        return new Page<T>(items, more ? cursor.Encode(key(rows[limit - 1])) : null);
    }
}

// The one cursor rule of every list: a cursor carries the name of the list that made it beside the last item's key
// ("providers|kela", base64url). One that does not decode, belongs to another list or holds no key of this list
// answers 400 naming `cursor` (Invalid), never an empty or first page.
internal sealed class ListCursor(string list)
{
    private const char Separator = '|';

    public string List => list;

    public string Encode(string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(list + Separator + key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // True with key null when no cursor was sent; false when it is not a cursor of this list.
    public bool TryRead(string? cursor, out string? key)
    {
        key = null;
        if (cursor is null)
        {
            return true;
        }

        var text = Decode(cursor);
        var prefix = list + Separator;
        if (text is null || !text.StartsWith(prefix, StringComparison.Ordinal) || text.Length == prefix.Length)
        {
            return false;
        }

        key = text[prefix.Length..];
        return true;
    }

    // For keys that must parse (ids, start times): a key that does not parse is not a cursor of this list either.
    public bool TryRead<T>(string? cursor, Func<string, T?> parse, out T? after)
        where T : struct
    {
        after = null;
        if (!TryRead(cursor, out var key))
        {
            return false;
        }

        if (key is null)
        {
            return true;
        }

        after = parse(key);
        return after is not null;
    }

    public bool TryReadGuid(string? cursor, out Guid? after) =>
        TryRead(cursor, key => Guid.TryParse(key, out var id) ? id : (Guid?)null, out after);

    public static ValidationProblem Invalid() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = [InvalidText] });

    public const string InvalidText = "Not a cursor of this list: pass the `nextCursor` of the previous page.";

    private static string? Decode(string cursor)
    {
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var written))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
