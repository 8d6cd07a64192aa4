namespace Ajanvaraus.Api.Search;

// A JSON answer already serialized (AnswerCache keeps them): written as it is.
internal sealed class JsonBytes(byte[] body) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = body.Length;
        return httpContext.Response.Body.WriteAsync(body).AsTask();
    }
}
