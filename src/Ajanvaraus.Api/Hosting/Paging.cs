using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using System.Text;

namespace Ajanvaraus.Api.Hosting;

/// <summary>`limit` and `cursor` of every list (keyset paging: the cursor is the last item's key).</summary>
public sealed record PageQuery(
    [property: Range(1, 200), Description("How many items at most (1-200, default 50).")]
    [FromQuery(Name = "limit")] int? Limit,
    [property: StringLength(400), Description("The `nextCursor` of the previous page; absent for the first page.")]
    [FromQuery(Name = "cursor")] string? Cursor)
{
    public const int DefaultLimit = 50;

    internal int Take => Limit ?? DefaultLimit;

    /// <summary>The key after which the page starts, or null for the first page (or a cursor we did not make).</summary>
    internal string? After => Cursor is null ? null : DecodeKey(Cursor);

    internal static string Encode(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    internal static string? DecodeKey(string cursor)
    {
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }
}

/// <summary>A page of a list; `nextCursor` is absent on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    /// <summary>Builds a page from rows fetched with one extra row (limit + 1) to know whether more follow.</summary>
    internal static Page<T> From<TRow>(IReadOnlyList<TRow> rows, int limit, Func<TRow, string> key, Func<TRow, T> map)
    {
        var more = rows.Count > limit;
        var items = rows.Take(limit).Select(map).ToList();
        return new Page<T>(items, more ? PageQuery.Encode(key(rows[limit - 1])) : null);
    }
}
