using Certa.Domain.Access;
using Certa.Infrastructure.Persistence;

namespace Certa.Web.Access;

/// <summary>The request's actor, set once per request by <see cref="ActorMiddleware"/>.</summary>
public static class ActorAccess
{
    /// <summary>The signed-in person or machine client; null for anonymous requests.</summary>
    public static Actor? Actor(this HttpContext http) => http.Features.Get<Actor>();

    /// <summary>The actor, for endpoints whose policy already demanded one.</summary>
    public static Actor RequiredActor(this HttpContext http) =>
        http.Actor() ?? throw new InvalidOperationException($"{http.Request.Path} runs without an actor; its endpoint must require a permission.");

    /// <summary>The actor and this request's trace id, for the audit trail.</summary>
    public static CommandContext Command(this HttpContext http) =>
        new(http.RequiredActor(), System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);
}
