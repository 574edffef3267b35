using System.Security.Claims;
using System.Text.Encodings.Web;
using Certa.Infrastructure.Organisations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Certa.Web.Access;

/// <summary>
/// Machine clients present <c>Authorization: Bearer ck_…</c> (or <c>X-Api-Key: ck_…</c>). The key is
/// looked up by its public id and its secret compared in constant time against the stored hash.
/// </summary>
internal sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        var apiKey = request.Headers["X-Api-Key"].ToString();
        return apiKey.Length > 0 ? apiKey.Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }

        var actor = await Context.RequestServices.GetRequiredService<ActorDirectory>().ForApiKeyAsync(presented, Context.RequestAborted);
        if (actor is null)
        {
            // The key itself is never logged; its public id is enough to trace it.
            return AuthenticateResult.Fail("The API key is not valid, or it was revoked or has expired.");
        }

        Context.Items[ActorMiddleware.ClientActorItem] = actor;
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, actor.AuditName), new Claim(ClaimTypes.Name, actor.DisplayName)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"certa\"";
        return base.HandleChallengeAsync(properties);
    }
}
