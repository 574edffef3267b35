using Certa.Domain.Access;
using Microsoft.AspNetCore.Authorization;

namespace Certa.Web.Access;

internal sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;

/// <summary>Grants when the request's actor reaches with the permission at all; whose data it touches the handler checks next.</summary>
internal sealed class PermissionHandler(IHttpContextAccessor accessor) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var http = context.Resource as HttpContext ?? accessor.HttpContext;
        if (http?.Actor() is { } actor && actor.ReachOf(requirement.Permission) != Reach.None)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
