using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Common;

namespace Certa.Infrastructure.Applications;

/// <summary>
/// Who may see an application: its applicant, its body, and those whose reach is any organisation. A
/// draft is the applicant's alone until it is submitted. The API and the pages both ask here.
/// </summary>
public static class ApplicationAccess
{
    /// <summary>The applications <paramref name="actor"/> may see with <see cref="Permission.ApplicationsRead"/>.</summary>
    public static IQueryable<Application> VisibleTo(this IQueryable<Application> applications, Actor actor)
    {
        var own = actor.OrganisationId;
        var query = applications.Where(a => a.ApplicantId == own || a.State != ApplicationState.Draft);
        return actor.ReachOf(Permission.ApplicationsRead) == Reach.Any
            ? query
            : query.Where(a => a.ApplicantId == own || a.BodyId == own);
    }

    /// <summary>
    /// Refuses unless the actor reaches the applicant or the body with <paramref name="permission"/>. A
    /// draft is the applicant's alone until it is submitted: to everyone else it does not exist yet.
    /// </summary>
    public static void RequireParty(Actor actor, Permission permission, Application application)
    {
        if (actor.May(permission, application.ApplicantId))
        {
            return;
        }

        if (application.State == ApplicationState.Draft)
        {
            throw DomainException.NotFound("application-not-found", $"There is no application {application.Id}.");
        }

        if (!actor.May(permission, application.BodyId))
        {
            actor.Require(permission, application.BodyId);
        }
    }
}
