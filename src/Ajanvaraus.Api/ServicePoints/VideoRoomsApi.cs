using System.ComponentModel;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Providers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.ServicePoints;

internal static class VideoRoomsApi
{
    private const string RoomIdDescription = "The video room's id.";

    public static RouteGroupBuilder MapVideoRooms(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/service-points/{servicePointId}/video-rooms").WithTags(ServicePointsApi.Tag);

        group.MapGet("/", ListAsync)
            .WithName("ListVideoRooms")
            .WithSummary("List a service point's video rooms")
            .WithDescription("The point's remote-service rooms (etäpalvelu), active and retired, in the order they were added. A remote_at_point booking takes one active room.")
            .AllowAnonymous();

        group.MapGet("/{roomId:guid}", GetAsync)
            .WithName("GetVideoRoom")
            .WithSummary("Get a video room")
            .WithDescription("A room with remote-service equipment; `remote_at_point` bookings take one for their whole time.")
            .WithExamples(response: Example)
            .AllowAnonymous();

        group.MapPost("/", CreateAsync)
            .WithName("CreateVideoRoom")
            .WithSummary("Add a video room")
            .WithDescription("Adds capacity for `remote_at_point` bookings at the point, in its opening hours.")
            .WithExamples(request: new CreateVideoRoomRequest(Example.Name), response: Example)
            .RequireAuthorization(Policies.Operator);

        group.MapPut("/{roomId:guid}", UpdateAsync)
            .WithName("UpdateVideoRoom")
            .WithSummary("Rename, retire or reactivate a video room")
            .WithDescription("`isActive: false` retires a room that has bookings: they stay, and it takes no new ones.")
            .RequireAuthorization(Policies.Operator);

        group.MapDelete("/{roomId:guid}", DeleteAsync)
            .WithName("DeleteVideoRoom")
            .WithSummary("Delete a video room")
            .WithDescription($"""
                {CatalogueProblems.FutureBookingsDescription} Also 409 while past bookings (or holds) refer to the room: only a
                room no booking or hold ever used can be deleted (retire it with `isActive: false` instead).
                """)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);

        return group;
    }

    private static readonly VideoRoomResponse Example = new(Guid.Parse("019a8f3e-6c2d-7e3f-9051-2b3c4d5e6f70"), "Etäpalveluhuone 1", true);

    private static async Task<Results<Ok<IReadOnlyList<VideoRoomResponse>>, NotFound>> ListAsync(
        [Description(ServicePointsApi.PointIdDescription)] string servicePointId, ServicePointStore points, VideoRoomStore store,
            CancellationToken ct)
    {
        if (await points.FindAsync(servicePointId, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var rows = await store.ListAsync(servicePointId, ct);
        return TypedResults.Ok<IReadOnlyList<VideoRoomResponse>>(rows.Select(r => r.ToResponse()).ToList());
    }

    private static async Task<Results<Ok<VideoRoomResponse>, NotFound>> GetAsync(
        [Description(ServicePointsApi.PointIdDescription)] string servicePointId,
        [Description(RoomIdDescription)] Guid roomId,
        VideoRoomStore store,
        CancellationToken ct) =>
        await store.FindAsync(servicePointId, roomId, ct) is { } row ? TypedResults.Ok(row.ToResponse()) : TypedResults.NotFound();

    private static async Task<Results<Created<VideoRoomResponse>, ValidationProblem, NotFound>> CreateAsync(
        [Description(ServicePointsApi.PointIdDescription)] string servicePointId, CreateVideoRoomRequest body, VideoRoomStore store,
            Data.Db db, CancellationToken ct)
    {
        var row = new VideoRoomRow { Id = db.NewId(), ServicePointId = servicePointId, Name = body.Name, IsActive = true };
        return await store.InsertAsync(row, ct)
            ? TypedResults.Created($"/api/v1/service-points/{servicePointId}/video-rooms/{row.Id}", row.ToResponse())
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<VideoRoomResponse>, ValidationProblem, NotFound>> UpdateAsync(
        [Description(ServicePointsApi.PointIdDescription)] string servicePointId,
        [Description(RoomIdDescription)] Guid roomId,
        UpdateVideoRoomRequest body,
        VideoRoomStore store,
        CancellationToken ct)
    {
        var row = new VideoRoomRow { Id = roomId, ServicePointId = servicePointId, Name = body.Name, IsActive = body.IsActive ?? true };
        return await store.UpdateAsync(row, ct) ? TypedResults.Ok(row.ToResponse()) : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        [Description(ServicePointsApi.PointIdDescription)] string servicePointId,
        [Description(RoomIdDescription)] Guid roomId,
        VideoRoomStore store,
        CancellationToken ct) =>
        await store.DeleteAsync(servicePointId, roomId, ct) switch
        {
            (DeleteOutcome.Deleted, _) => TypedResults.NoContent(),
            (DeleteOutcome.NotFound, _) => TypedResults.NotFound(),
            (DeleteOutcome.Booked, var count) => CatalogueProblems.StillBooked("video room", count),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Video room in use",
                detail: "Past bookings or holds refer to this room; retire it with `isActive: false` instead."),
        };
}
