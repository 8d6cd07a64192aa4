using System.Security.Claims;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Identity;
using Dapper;

namespace Ajanvaraus.Api.Availability;

internal enum Access
{
    Allowed,
    UnknownExpert,
    Forbidden,
}

/// <summary>Whether the caller administers the provider an expert belongs to (agency admins touch only their own).</summary>
internal sealed class ExpertAccess(Db db)
{
    internal const string ProviderOfExpertSql = """
        SELECT ProviderId FROM Experts WHERE Id = @Id
        """;

    public async Task<Access> CheckAsync(Guid expertId, ClaimsPrincipal user, CancellationToken ct)
    {
        var providerId = await ProviderOfAsync(expertId, ct);
        return providerId is null ? Access.UnknownExpert
            : user.MayAdminister(providerId) ? Access.Allowed
            : Access.Forbidden;
    }

    /// <summary>The expert's provider, or null for an unknown expert.</summary>
    public async Task<string?> ProviderOfAsync(Guid expertId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(ProviderOfExpertSql, new { Id = expertId }, cancellationToken: ct));
    }
}
