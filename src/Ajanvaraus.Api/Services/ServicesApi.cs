using System.ComponentModel;
using System.Security.Claims;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Providers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Services;

// A provider's services: the public catalogue, and what its own agency admins write.
internal static class ServicesApi
{
    private const string ProviderIdText = "The provider's id (e.g. `kela`).";
    private const string ServiceIdText = "The service's id.";

    public static RouteGroupBuilder MapServices(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/providers/{providerId}/services").WithTags("Services");

        group.MapGet("/", ListAsync)
            .WithName("ListProviderServices")
            .WithSummary("List a provider's services")
            .WithDescription("""
                The public catalogue: the provider's active services, ordered by name (in the Accept-Language) and id.
                `name`, `description` and `providerName` follow Accept-Language.
                """)
            .AllowAnonymous();

        group.MapGet("/{serviceId:guid}", GetAsync)
            .WithName("GetService")
            .WithSummary("Get a service")
            .WithDescription("The public view of an active service. The service `card` (for advisers) is included only for the provider's own agency admins and for advisers.")
            .WithExamples(response: Example.Service.ToResponse("fi", withCard: true))
            .AllowAnonymous();

        group.MapPost("/", CreateAsync)
            .WithName("CreateService")
            .WithSummary("Create a service")
            .WithDescription("An agency admin adds a service of their own provider. `durationMinutes` is 5-480 in steps of 5; `channels` lists at least one channel.")
            .WithExamples(request: Example.Request, response: Example.Service.ToResponse("fi", withCard: true))
            .RequireAuthorization(Policies.AgencyAdmin)
            .RequireOwnProvider();

        group.MapPut("/{serviceId:guid}", UpdateAsync)
            .WithName("UpdateService")
            .WithSummary("Replace a service")
            .WithDescription("Replaces every field of an active service of the admin's own provider (omitted optional fields take their defaults).")
            .RequireAuthorization(Policies.AgencyAdmin)
            .RequireOwnProvider();

        group.MapDelete("/{serviceId:guid}", DeleteAsync)
            .WithName("DeleteService")
            .WithSummary("Delete a service")
            .WithDescription($"""
                Removes a service of the admin's own provider from the catalogue. {CatalogueProblems.FutureBookingsDescription}
                Otherwise 204: a service nothing refers to is deleted; one that past bookings (or holds) still refer to is
                deactivated instead: it keeps its row for those bookings, disappears from the catalogue and search, can no
                longer be booked and is unlinked from its experts.
                """)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AgencyAdmin)
            .RequireOwnProvider();

        return group;
    }

    private static async Task<Results<Ok<Page<ServiceSummary>>, ValidationProblem, NotFound>> ListAsync(
        [Description(ProviderIdText)] string providerId, [AsParameters] PageQuery page, HttpRequest request,
        ProviderStore providers, ServiceStore store, CancellationToken ct)
    {
        var language = Language.Of(request);
        if (!ServiceCursor.OfProvider.TryRead(page, language, out var after))
        {
            return ListCursor.Invalid();
        }

        if (await providers.FindAsync(providerId, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var rows = await store.SearchAsync(new ServiceFilter(providerId, null, null, null), language, after, page.Take + 1, ct);
        return TypedResults.Ok(Page<ServiceSummary>.From(
            rows, page.Take, ServiceCursor.OfProvider.List, row => ServiceCursor.Key(row, language), row => row.ToSummary(language)));
    }

    private static async Task<Results<Ok<ServiceResponse>, NotFound>> GetAsync(
        [Description(ProviderIdText)] string providerId, [Description(ServiceIdText)] Guid serviceId,
        HttpRequest request, ClaimsPrincipal user, ServiceStore store, CancellationToken ct)
    {
        var row = await store.FindAsync(serviceId, ct);
        if (row is null || !row.IsActive || row.ProviderId != providerId)
        {
            return TypedResults.NotFound();
        }

        // Service cards are working notes for advisers and the agency, not for the public catalogue.
        var withCard = ProviderAccess.Administers(user, providerId) || user.IsInRole(Roles.Adviser);
        return TypedResults.Ok(row.ToResponse(Language.Of(request), withCard));
    }

    private static async Task<Results<Created<ServiceResponse>, ValidationProblem, NotFound>> CreateAsync(
        [Description(ProviderIdText)] string providerId, ServiceRequest body, HttpRequest request,
        ProviderStore providers, ServiceStore store, Data.Db db, CancellationToken ct)
    {
        if (await providers.FindAsync(providerId, ct) is not { } provider)
        {
            return TypedResults.NotFound();
        }

        var row = ServiceRow.From(db.NewId(), providerId, body).WithProvider(provider.Names);
        await store.InsertAsync(row, ct);
        return TypedResults.Created($"/api/v1/providers/{providerId}/services/{row.Id}", row.ToResponse(Language.Of(request),
            withCard: true));
    }

    private static async Task<Results<Ok<ServiceResponse>, ValidationProblem, NotFound>> UpdateAsync(
        [Description(ProviderIdText)] string providerId, [Description(ServiceIdText)] Guid serviceId, ServiceRequest body,
        HttpRequest request, ProviderStore providers, ServiceStore store, CancellationToken ct)
    {
        var row = ServiceRow.From(serviceId, providerId, body);
        return await store.UpdateAsync(row, ct) && await providers.FindAsync(providerId, ct) is { } provider
            ? TypedResults.Ok(row.WithProvider(provider.Names).ToResponse(Language.Of(request), withCard: true))
            : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        [Description(ProviderIdText)] string providerId, [Description(ServiceIdText)] Guid serviceId,
        ServiceStore store, CancellationToken ct) =>
        await store.RemoveAsync(providerId, serviceId, ct) switch
        {
            (ServiceRemoval.NotFound, _) => TypedResults.NotFound(),
            (ServiceRemoval.Booked, var count) => CatalogueProblems.StillBooked("service", count),
            _ => TypedResults.NoContent(),
        };

    private static class Example
    {
        public static readonly ServiceRequest Request = new(
            new LocalizedText("Asumistuen neuvonta", "Rådgivning om bostadsbidrag", "Housing allowance advice"),
            DurationMinutes: 45,
            Channels: [Channel.InPerson, Channel.RemoteAtPoint, Channel.Phone],
            Descriptions: new LocalizedLongText("Apua asumistuen hakemiseen.", "Hjälp med att ansöka om bostadsbidrag.",
                "Help with applying for housing allowance."),
            Card: new LocalizedLongText(
                "Ota mukaan vuokrasopimus ja tuloselvitys. Ensisijainen kanava: etäpalvelu asiointipisteellä.",
                "Ta med hyresavtal och inkomstutredning. Primär kanal: distanstjänst vid servicepunkten.",
                "Bring the lease and proof of income. Primary channel: remote service at the point."),
            Instructions: new LocalizedLongText(
                "Ota mukaan vuokrasopimus ja tuloselvitys viimeiseltä kolmelta kuukaudelta.",
                "Ta med hyresavtalet och inkomstutredning för de senaste tre månaderna.",
                "Bring your lease and proof of income for the last three months."));

        public static readonly ServiceRow Service = ServiceRow.From(Guid.Parse("019a4f6e-2b7c-7d3e-9a41-6c2f0e8b5d17"), "kela", Request)
            .WithProvider(new LocalizedText("Kela", "FPA", "Kela"));
    }
}
