using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Ajanvaraus.Api.Hosting;

internal sealed class ApiLimitOptions
{
    public const string Section = "Api";

    // Every body of this API is a small JSON document; a bigger one is a mistake or an attack.
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 64 * 1024;

    // The longest query string (after `?`) a search or list needs is a few hundred characters.
    [Range(256, 65536)]
    public int MaxQueryLength { get; set; } = 2048;
}

// 413 for a body over Api:MaxBodyBytes (announced or streamed), 414 for a query string over Api:MaxQueryLength, both
// problem+json. (Kestrel's own limits — a request line over 8 KiB, headers over 32 KiB — still answer without a body:
// they are refused before any application code runs.)
internal static class RequestLimits
{
    public static IServiceCollection AddApiRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<ApiLimitOptions>().BindConfiguration(ApiLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Before the binding handler: a body that grows past the limit while being read is a 413, not a malformed body.
        services.AddExceptionHandler<BodyTooLargeHandler>();
        return services;
    }

    public static IApplicationBuilder UseApiRequestLimits(this IApplicationBuilder app)
    {
        var limits = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiLimitOptions>>().Value;
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.QueryString.Value is { } query && query.Length - 1 > limits.MaxQueryLength)
            {
                await WriteAsync(context, StatusCodes.Status414UriTooLong, "The query string is too long",
                    $"Send at most {limits.MaxQueryLength} characters after the question mark.");
                return;
            }

            if (request.ContentLength > limits.MaxBodyBytes)
            {
                await WriteAsync(context, StatusCodes.Status413PayloadTooLarge, BodyTooLargeHandler.Title,
                    BodyTooLargeHandler.Detail(limits));
                return;
            }

            // Kestrel enforces the feature on bodies without a length; other servers (and tests) get a counting stream.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limits.MaxBodyBytes;
            }
            else if (request.ContentLength is null && request.Body.CanRead)
            {
                request.Body = new LimitedStream(request.Body, limits.MaxBodyBytes);
            }

            await next(context);
        });
    }

    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }

    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            Count(await inner.ReadAsync(buffer, ct));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int n)
        {
            read += n;
            return read > limit
                ? throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge)
                : n;
        }
    }
}

internal sealed class BodyTooLargeHandler(Microsoft.Extensions.Options.IOptions<ApiLimitOptions> options) : IExceptionHandler
{
    public const string Title = "The body is too large";

    public static string Detail(ApiLimitOptions limits) => $"Send at most {limits.MaxBodyBytes} bytes.";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!IsTooLarge(exception) || context.Response.HasStarted)
        {
            return false;
        }

        await RequestLimits.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, Title, Detail(options.Value));
        return true;
    }

    // The JSON binder wraps what the body stream threw.
    private static bool IsTooLarge(Exception? exception) => exception switch
    {
        null => false,
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
        _ => IsTooLarge(exception.InnerException),
    };
}
