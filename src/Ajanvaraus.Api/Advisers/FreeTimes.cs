using System.ComponentModel;
using Ajanvaraus.Api.Availability;
using Microsoft.AspNetCore.Mvc;
using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Advisers;

public sealed record FreeTimesQuery(
    [property: DateInRange, Description("The day (the point's local date; default today there).")]
    [FromQuery(Name = "date")] DateOnly? Date,
    [property: Description("Only this service (id from /api/v1/services); default every service of every agency at the point.")]
    [FromQuery(Name = "service")] Guid? Service);

public sealed record FreeTimeResponse(DateTimeOffset Start, DateTimeOffset End, Channel Channel, Guid ExpertId, string ExpertName);

public sealed record ServiceFreeTimesResponse(
    Guid ServiceId,
    string ServiceName,
    string ProviderId,
    string ProviderName,
    [property: Description("The earliest free times at the point that day: in_person and remote_at_point.")] IReadOnlyList<FreeTimeResponse> AtPoint,
    [property: Description("The earliest free times that day by video and phone.")] IReadOnlyList<FreeTimeResponse> Remote);

public sealed record FreeTimesResponse(string ServicePointId, DateOnly Date, IReadOnlyList<ServiceFreeTimesResponse> Services);
