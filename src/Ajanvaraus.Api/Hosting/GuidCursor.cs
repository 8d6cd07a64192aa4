using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Hosting;

/// <summary>Cursors of lists keyed by a GUID id.</summary>
internal static class GuidCursor
{
    /// <summary>False when the caller sent a cursor that is not one of ours.</summary>
    public static bool TryRead(PageQuery page, out Guid? after)
    {
        after = null;
        if (page.Cursor is null)
        {
            return true;
        }

        if (page.After is { } key && Guid.TryParse(key, out var id))
        {
            after = id;
            return true;
        }

        return false;
    }

    public static ValidationProblem Invalid() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = ["Not a cursor of this list: pass the `nextCursor` of the previous page."] });
}
