using System.Xml.Linq;
using Ajanvaraus.Api.Data;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Ajanvaraus.Api.Notifications;

// The Data Protection key ring in the database: every instance reads the keys another one made, so any dispatcher
// can open a token that any API instance sealed.
internal sealed class DataProtectionKeyStore(Db db) : IXmlRepository
{
    internal const string AllSql = """
        SELECT Xml FROM DataProtectionKeys ORDER BY CreatedAt
        """;

    internal const string InsertSql = """
        INSERT INTO DataProtectionKeys (FriendlyName, Xml, CreatedAt) VALUES (@FriendlyName, @Xml, @CreatedAt)
        """;

    // The interface is synchronous; key reads happen once a day or so per instance, never inside a booking's transaction.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var c = db.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        return c.Query<string>(AllSql).Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        db.WriteAsync(scope => scope.ExecuteAsync(InsertSql, new
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedAt = DateTimeOffset.UtcNow,
        }), CancellationToken.None).GetAwaiter().GetResult();
    }
}
