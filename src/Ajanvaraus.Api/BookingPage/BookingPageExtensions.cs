using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Ajanvaraus.Api.BookingPage;

// The embeddable booking page: static HTML, CSS and ES modules embedded in the assembly, served under /book. It calls
// only the public API, as any portal would; nothing here is part of the API contract (excluded from OpenAPI).
internal static class BookingPageExtensions
{
    public const string BasePath = "/book";

    // Any site may frame the page (that is its purpose); the manage token in its links is never sent on as a referrer.
    private const string Policy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors *; base-uri 'none'; "
        + "form-action 'self'; object-src 'none'";

    public static IServiceCollection AddBookingPage(this IServiceCollection services) =>
        services.AddSingleton<BookingPageFiles>();

    public static IEndpointRouteBuilder MapBookingPage(this WebApplication app)
    {
        var files = app.Services.GetRequiredService<BookingPageFiles>();
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = BasePath,
            FileProvider = files.Provider,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context => AddHeaders(context.Context.Response),
        });

        // The pages themselves: one document for the booking flow, the manage page and the accessibility statement;
        // app.js picks the view from the path. GET never changes a booking (mail scanners open links).
        var group = app.MapGroup(BasePath).ExcludeFromDescription().AllowAnonymous();
        group.MapGet("/", (HttpContext http) => Page(http, files));
        group.MapGet("/manage/{bookingId:guid}", (HttpContext http) => Page(http, files));
        group.MapGet("/accessibility", (HttpContext http) => Page(http, files));
        return app;
    }

    private static IResult Page(HttpContext http, BookingPageFiles files)
    {
        AddHeaders(http.Response);
        http.Response.Headers.CacheControl = "no-cache";
        return Results.File(files.Provider.GetFileInfo("index.html").CreateReadStream(), "text/html; charset=utf-8");
    }

    private static void AddHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = Policy;
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
    }
}

internal sealed class BookingPageFiles
{
    public IFileProvider Provider { get; } =
        new EmbeddedFileProvider(typeof(BookingPageFiles).Assembly, "Ajanvaraus.Api.BookingPage.wwwroot");
}
