using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;

namespace Ajanvaraus.Api.Tests.Data;

// SQL Server reports foreign-key and CHECK violations with the same number (547): telling them apart keeps a broken
// CHECK from being answered as "still in use".
public sealed class ConstraintViolationTests
{
    [Theory]
    [InlineData("The DELETE statement conflicted with the REFERENCE constraint \"FK_Bookings_Services\".", true, false)]
    [InlineData("The INSERT statement conflicted with the FOREIGN KEY constraint \"FK__Bookings__Expert__3B75D760\".", true, false)]
    [InlineData("The INSERT statement conflicted with the CHECK constraint \"CK_Services_DurationMinutes\".", false, true)]
    [InlineData("Die INSERT-Anweisung steht in Konflikt mit der CHECK-Einschränkung \"CK_Services_DurationMinutes\".", false, true)]
    public void SqlServerMessagesNameTheKindOfConstraint(string message, bool foreignKey, bool check)
    {
        Assert.Equal(foreignKey, Db.NamesConstraint(message, "FK_"));
        Assert.Equal(check, Db.NamesConstraint(message, "CK_"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ACheckViolationIsNotAForeignKeyViolation(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        _ = app.CreateClient();
        await using var c = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        await c.ExecuteAsync("INSERT INTO Providers (Id, NameFi, NameSv, NameEn, CreatedAt, UpdatedAt) VALUES ('kela', 'K', 'K', 'K', @Now, @Now)", new { Now = DateTimeOffset.UtcNow });

        var check = await Record.ExceptionAsync(() => c.ExecuteAsync(
            """
            INSERT INTO Services (Id, ProviderId, NameFi, NameSv, NameEn, DurationMinutes, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo,
                AllowsPhone, MinimumNoticeMinutes, BookingHorizonDays, CancellationCutoffMinutes, IsActive, CreatedAt, UpdatedAt)
            VALUES (@Id, 'kela', 'S', 'S', 'S', 7, 1, 0, 0, 0, 0, 60, 1440, 1, @Now, @Now)
            """, new { Id = Guid.CreateVersion7(), Now = DateTimeOffset.UtcNow }));
        var reference = await Record.ExceptionAsync(() => c.ExecuteAsync(
            "INSERT INTO Experts (Id, ProviderId, DisplayName, IsActive, CreatedAt, UpdatedAt) VALUES (@Id, 'nobody', 'A', 1, @Now, @Now)",
            new { Id = Guid.CreateVersion7(), Now = DateTimeOffset.UtcNow }));

        Assert.True(Db.IsCheckViolation(check!), check?.Message);
        Assert.False(Db.IsForeignKeyViolation(check!));
        Assert.True(Db.IsForeignKeyViolation(reference!), reference?.Message);
        Assert.False(Db.IsCheckViolation(reference!));
    }
}
