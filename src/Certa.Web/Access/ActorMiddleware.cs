using System.Security.Claims;
using Certa.Domain.Access;
using Certa.Infrastructure.Organisations;

namespace Certa.Web.Access;

/// <summary>
/// Turns the authenticated principal into an <see cref="Actor"/> from the database, on every request:
/// a deactivated person or a revoked key stops working at once, and roles are always current.
/// </summary>
internal static class ActorMiddleware
{
    public const string ClientActorItem = "certa.client-actor";

    public static IApplicationBuilder UseActors(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var actor = http.Items[ClientActorItem] as Actor;
            if (actor is null && Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var personId))
            {
                actor = await http.RequestServices.GetRequiredService<ActorDirectory>().ForPersonAsync(personId, http.RequestAborted);
            }

            if (actor is null)
            {
                // Signed in once, but gone since (deactivated): treat as anonymous.
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else
            {
                http.Features.Set(actor);
            }
        }

        await next(http);
    });
}
