using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Ajanvaraus.Api.Tests.Privacy;

// What a purge leaves behind (issue 22, items 9 and 10): no purged text in the SQLite file or its WAL, and no way back
// into the booking with the old manage token.
public sealed class PurgedDataTests
{
    private const string Name = "Purkumaija Säilöläinen";
    private const string Email = "purkumaija@example.fi";
    private const string Notes = "Salainen muistiinpano 7741";

    // Long notes make the purged row much shorter than it was: SQLite then places the new row in the end of the old
    // one's space and, without secure_delete, leaves the old start (name, e-mail, phone, notes) in the page.
    private static readonly string LongNotes = Notes + string.Concat(Enumerable.Repeat(" ja niin edelleen", 90));
    private const string Reason = "Tulkki mukana 5520";

    // Kela keeps customer data a day; a booking on Tuesday 09:00, checked in with a reason, then Thursday's purge.
    private static async Task<(BookingWorld World, Guid Id, string Token, string Phone)> PurgedAsync()
    {
        var world = await BookingWorld.CreateAsync();
        var rename = await world.App.Operator().PutAsJsonAsync("/api/v1/providers/kela", new
        {
            names = new { fi = "Kela", sv = "FPA", en = "Kela" }, retentionDays = 1,
        });
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        var body = new
        {
            serviceId = world.ServiceId, expertId = world.Expert, start = BookingWorld.Tuesday(9), channel = "in_person",
            servicePointId = "mikkeli", notes = LongNotes,
            customer = new { name = Name, email = Email, phone = "040 987 6543", language = "fi" },
        };
        var booking = await world.BookOkAsync(body);
        var id = booking.GetProperty("id").GetGuid();
        world.Clock.SetUtcNow(BookingWorld.Tuesday(9, 5));
        var checkIn = await world.App.Adviser("mikkeli").PostAsJsonAsync($"/api/v1/bookings/{id}/check-in", new { reason = Reason });
        Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);
        string phone;
        await using (var c = await world.App.Db.OpenAsync(CancellationToken.None))
        {
            phone = await c.ExecuteScalarAsync<string>("SELECT CustomerPhone FROM Bookings WHERE Id = @Id", new { Id = id.ToString() }) ?? "";
        }

        Assert.NotEmpty(phone);
        // Into the main file first, as SQLite's own checkpoints would have done by then: the purge must clean both.
        await using (var c = await world.App.Db.OpenAsync(CancellationToken.None))
        {
            await c.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        world.Clock.SetUtcNow(DateTimeOffset.Parse("2026-11-26T14:00:00Z"));
        var report = await (await world.App.Operator().PostAsync("/api/v1/privacy/purge", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, report.GetProperty("anonymizedBookings").GetInt32());
        return (world, id, booking.GetProperty("manageToken").GetString()!, phone);
    }

    [Fact]
    public async Task NoPurgedTextIsLeftInTheSqliteFileOrItsWal()
    {
        var (world, _, _, phone) = await PurgedAsync();
        await using var _ = world;
        var file = new SqliteConnectionStringBuilder(world.App.Db.ConnectionString).DataSource;

        var found = new List<string>();
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            // Shared read: the service still has the files open.
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
            var bytes = copy.ToArray();
            foreach (var text in new[] { Name, Email, phone, Notes, Reason })
            {
                if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0)
                {
                    found.Add($"'{text}' in {Path.GetFileName(path)}");
                }
            }
        }

        Assert.True(found.Count == 0, string.Join(", ", found));
    }

    [Fact]
    public async Task ThePurgedBookingsOldManageTokenNoLongerOpensIt()
    {
        var (world, id, token, _) = await PurgedAsync();
        await using var _ = world;
        var client = world.App.CreateClient();

        var read = await client.SendAsync(BookingWorld.WithToken(HttpMethod.Get, $"/api/v1/bookings/{id}", token));
        var calendar = await client.SendAsync(BookingWorld.WithToken(HttpMethod.Get, $"/api/v1/bookings/{id}/calendar.ics", token));
        var move = await client.SendAsync(BookingWorld.WithToken(HttpMethod.Post, $"/api/v1/bookings/{id}/reschedule", token,
            new { start = BookingWorld.Tuesday(9).AddDays(7) }));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, calendar.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        await using var c = await world.App.Db.OpenAsync(CancellationToken.None);
        Assert.Equal("", await c.ExecuteScalarAsync<string>("SELECT ManageTokenHash FROM Bookings WHERE Id = @Id", new { Id = id.ToString() }));
    }
}
