using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Ajanvaraus.Bench;

// A booking made through the API, with what is needed to move it later.
internal sealed record MadeBooking(Guid Id, string ManageToken);

// The write requests of the benchmark: book (each attempt with a new Idempotency-Key) and reschedule.
internal static class BookingRequests
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    // Each request books the next slot of the shared pool; the loop stops when the pool is empty.
    public static LoadRunner.Request FromPool(ConcurrentQueue<FreeSlot> pool) => async (client, _, ct) =>
    {
        if (!pool.TryDequeue(out var slot))
        {
            return null;
        }

        using var request = Book(slot);
        using var response = await client.SendAsync(request, ct);
        return response.StatusCode;
    };

    // Every client books one of the few times of the current group; the group moves on every `period`,
    // so the run is a series of rushes at a handful of times (201 for the first, 409 for the rest).
    public static LoadRunner.Request Contended(IReadOnlyList<FreeSlot[]> groups, TimeSpan period)
    {
        var clock = Stopwatch.StartNew();
        return async (client, loop, ct) =>
        {
            var index = (int)(clock.Elapsed / period);
            if (index >= groups.Count)
            {
                return null;
            }

            var group = groups[index];
            using var request = Book(group[Random.Shared.Next(group.Length)]);
            using var response = await client.SendAsync(request, ct);
            return response.StatusCode;
        };
    }

    // Each request moves the next made booking to its target slot with the manage token.
    public static LoadRunner.Request Reschedule(ConcurrentQueue<(MadeBooking Booking, FreeSlot Target)> moves) => async (client, _, ct) =>
    {
        if (!moves.TryDequeue(out var move))
        {
            return null;
        }

        var body = $$"""{"start":"{{move.Target.Start:O}}","channel":"in_person","servicePointId":"{{move.Target.ServicePointId}}"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/bookings/{move.Booking.Id}/reschedule") { Content = Content(body) };
        request.Headers.Add("X-Manage-Token", move.Booking.ManageToken);
        using var response = await client.SendAsync(request, ct);
        return response.StatusCode;
    };

    // Books the slots (untimed, a few at a time) and returns the bookings made, in the slots' order.
    public static async Task<List<(MadeBooking Booking, FreeSlot Slot)>> BookAllAsync(Uri baseAddress, IReadOnlyList<FreeSlot> slots, int parallel)
    {
        using var client = LoadRunner.Client(baseAddress, parallel);
        var made = new ConcurrentBag<(int, MadeBooking, FreeSlot)>();
        await Parallel.ForEachAsync(slots.Select((s, i) => (s, i)), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (item, ct) =>
        {
            using var request = Book(item.s);
            using var response = await client.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
                made.Add((item.i, new MadeBooking(json.RootElement.GetProperty("id").GetGuid(), json.RootElement.GetProperty("manageToken").GetString()!), item.s));
            }
        });
        return made.OrderBy(m => m.Item1).Select(m => (m.Item2, m.Item3)).ToList();
    }

    public static HttpRequestMessage Book(FreeSlot slot)
    {
        var body = $$$"""
            {"serviceId":"{{{slot.ServiceId}}}","start":"{{{slot.Start:O}}}","channel":"in_person","servicePointId":"{{{slot.ServicePointId}}}",
             "customer":{"name":"Maija Meikäläinen","email":"maija@example.fi","phone":"040 123 4567","language":"fi"}}
            """;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = Content(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    private static ByteArrayContent Content(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = Json;
        return content;
    }
}
