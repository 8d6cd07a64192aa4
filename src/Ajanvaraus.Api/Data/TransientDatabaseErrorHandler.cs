using Microsoft.AspNetCore.Diagnostics;

namespace Ajanvaraus.Api.Data;

// A write that stayed transient through Db.WriteAsync's retries (deadlocks, a busy file) changed nothing: the caller
// may send it again, so it is a 503 with Retry-After, never a 500 — and never a 409, since nobody else won the time.
internal sealed class TransientDatabaseErrorHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!Db.IsTransient(exception))
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "1";
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The service is busy",
            Detail = "Nothing was changed. Send the same request again in a moment.",
        };
        return await problems.TryWriteAsync(new() { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
