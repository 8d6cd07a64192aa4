using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.ServicePoints;

namespace Ajanvaraus.Api.Advisers;

// The gate of a point's adviser routes: an unknown point is 404; an adviser of another point 403; an operator any
// point; an agency admin any point, seeing only their own provider's bookings. Handlers read the point and who acts.
internal sealed class PointAccessFilter(ServicePointStore points) : IEndpointFilter
{
    private const string Item = "Ajanvaraus.PointAccess";

    public static (ServicePointRow Point, Actor Actor) Of(HttpContext http) => ((ServicePointRow, Actor))http.Items[Item]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var point = http.Request.RouteValues["servicePointId"] is string id ? await points.FindAsync(id, http.RequestAborted) : null;
        if (point is null)
        {
            return TypedResults.NotFound();
        }

        var actor = Actor.Of(http.User);
        if (actor.Kind == Actor.Adviser && actor.Scope != point.Id)
        {
            return BookingAccess.Forbidden("An adviser works only at their own service point.");
        }

        http.Items[Item] = (point, actor);
        return await next(context);
    }
}
