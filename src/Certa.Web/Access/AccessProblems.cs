using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Certa.Web.Access;

/// <summary>API refusals as RFC 9457 problems naming what was missing; pages keep the usual redirects.</summary>
internal sealed class AccessProblems : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!context.Request.Path.StartsWithSegments("/api") || result.Succeeded)
        {
            await fallback.HandleAsync(next, context, policy, result);
            return;
        }

        var needed = context.GetEndpoint()?.Metadata.GetMetadata<PermissionNeeded>()?.Permission;
        var scope = needed is { } p ? Certa.Domain.Common.SnakeCaseNames.Of(p.ToString()) : "a signed-in account";
        var (status, title, detail) = result.Challenged
            ? (StatusCodes.Status401Unauthorized, "Sign-in required",
                "Sign in, or send an API key as 'Authorization: Bearer ck_…'. A key that was revoked or has expired is refused.")
            : (StatusCodes.Status403Forbidden, "Not allowed", $"This needs the permission '{scope}', which your roles or your key's scopes do not give.");
        if (result.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"certa\"";
        }

        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
