using Certa.Domain.Access;

namespace Certa.Web.Access;

/// <summary>Metadata: the endpoint needs <see cref="Permission"/>; who holds it is <see cref="AccessRules"/>' business.</summary>
public sealed record PermissionNeeded(Permission Permission);

/// <summary>Metadata: the endpoint is open to everyone, signed in or not (the registry, the advisor, verification).</summary>
public sealed record PublicAccess
{
    public static PublicAccess Instance { get; } = new();
}

/// <summary>
/// How endpoints declare access. Every <c>/api</c> endpoint says one or the other; a test fails for
/// any that says neither, and walks the rest against every role.
/// </summary>
public static class EndpointAccess
{
    public static string PolicyName(Permission permission) => $"permission:{permission}";

    public static TBuilder Requires<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(PolicyName(permission)).WithMetadata(new PermissionNeeded(permission));

    public static TBuilder Public<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().WithMetadata(PublicAccess.Instance);
}
