using Certa.Domain.Access;

namespace Certa.Web.Pages.Authority.Draws;

/// <summary>Who the authority's draw pages are for: an officer who may make draws for their own authority.</summary>
public static class DrawOfficer
{
    /// <summary>The authority <paramref name="actor"/> makes draws for, or null when they may not.</summary>
    public static string? AuthorityOf(Actor actor) =>
        actor.OrganisationId is { } own && actor.May(Permission.DrawsMake, own) ? own : null;
}
