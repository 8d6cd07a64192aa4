using System.Globalization;
using System.Net;

namespace Ajanvaraus.Bench;

// The availability questions a portal asks, spread over many services, points and municipalities.
internal static class SearchQueries
{
    private const int Variety = 200;

    // One service at one point for one week (in person and remote_at_point, the defaults for a point).
    public static string[] PointWeek(Dataset data) => Shuffled(
        from s in data.Services
        where (s.Channels & Channels.InPerson) != 0
        from p in data.Points
        where p.Providers.Contains(s.ProviderId)
        select $"/api/v1/availability?service={s.Id}&servicePoint={p.Id}&from={Day(data.SearchWeek)}&to={Day(data.SearchWeek.AddDays(6))}");

    // One service in one municipality for one week.
    public static string[] MunicipalityWeek(Dataset data) => Shuffled(
        from s in data.Services
        where (s.Channels & Channels.InPerson) != 0
        from code in data.Points.Where(p => p.Providers.Contains(s.ProviderId)).Select(p => p.MunicipalityCode).Distinct()
        select $"/api/v1/availability?service={s.Id}&municipality={code}&from={Day(data.SearchWeek)}&to={Day(data.SearchWeek.AddDays(6))}");

    // One service nationwide by video for one weekday.
    public static string[] VideoDay(Dataset data) => Shuffled(
        from s in data.Services
        where (s.Channels & Channels.Video) != 0
        from d in Enumerable.Range(0, 5)
        select $"/api/v1/availability?service={s.Id}&channel=video&from={Day(data.SearchWeek.AddDays(d))}&to={Day(data.SearchWeek.AddDays(d))}");

    // A request that walks the given paths round-robin and reads each answer to the end.
    public static LoadRunner.Request RoundRobin(string[] paths, string? bearer = null)
    {
        var next = -1;
        return async (client, _, ct) =>
        {
            var path = paths[(int)((uint)Interlocked.Increment(ref next) % paths.Length)];
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (bearer is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
            }

            using var response = await client.SendAsync(request, ct);
            return response.StatusCode;
        };
    }

    public static LoadRunner.Request Get(string path) => async (client, _, ct) =>
    {
        using var response = await client.GetAsync(path, ct);
        return (HttpStatusCode?)response.StatusCode;
    };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string[] Shuffled(IEnumerable<string> paths)
    {
        var all = paths.ToArray();
        new Random(Scale.Seed + 10).Shuffle(all);
        return all.Take(Variety).ToArray();
    }
}
