using Certa.Domain.Access;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Persistence;
using Certa.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Statistics;

/// <summary>
/// Whose numbers a request sees. An authority officer sees every body, or the one asked for; a body's people see their
/// own body, and asking for another is refused as another organisation's (403), never answered with filtered numbers.
/// </summary>
public static class StatisticsScope
{
    /// <summary>The body to narrow to, or none for every body; an unknown body is a query error on <c>body</c>.</summary>
    public static async Task<string?> ResolveAsync(Actor actor, string? requested, CertaDbContext db, QueryErrors errors, CancellationToken ct)
    {
        var body = errors.Text("body", requested, 63);
        switch (actor.ReachOf(Permission.StatisticsRead))
        {
            case Reach.Any when body is not null:
                if (!await db.Organisations.AsNoTracking().AnyAsync(o => o.Id == body && o.Kind == OrganisationKind.CertificationBody, ct))
                {
                    errors.Add("body", $"'{body}' is not a certification body in Certa.");
                }

                return body;
            case Reach.Any:
                return null;
            default:
                // Refuses one who has no statistics at all, and a body's person asking for another body, by name.
                actor.Require(Permission.StatisticsRead, body ?? actor.OrganisationId ?? "");
                return actor.OrganisationId;
        }
    }
}
