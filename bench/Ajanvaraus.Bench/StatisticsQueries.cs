using System.Net;
using System.Net.Http.Headers;

namespace Ajanvaraus.Bench;

// The host municipality's yearly question: every point × provider × month of a year, as an operator.
internal static class StatisticsQueries
{
    public static string YearPath(Dataset data) =>
        $"/api/v1/statistics?from={SearchQueries.Day(data.Today.AddDays(-ServiceEventLoader.PastDays))}"
        + $"&to={SearchQueries.Day(data.Today.AddDays(ServiceEventLoader.FutureDays - 1))}&groupBy=servicePoint,provider,month";

    public static LoadRunner.Request Year(Dataset data, string operatorToken)
    {
        var path = YearPath(data);
        return async (client, _, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", operatorToken);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            return (HttpStatusCode?)response.StatusCode;
        };
    }
}
