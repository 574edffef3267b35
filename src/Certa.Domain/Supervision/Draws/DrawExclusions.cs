using Certa.Domain.Common;

namespace Certa.Domain.Supervision.Draws;

/// <summary>Which conflicts of interest keep an inspector away from a target.</summary>
public sealed record DrawExclusions
{
    public const int DefaultRecentAuditYears = 3;

    public static readonly DrawExclusions Default = new();

    /// <param name="ownOrganisation">Exclude an inspector employed by the target's body or by the enterprise itself.</param>
    /// <param name="recentAuditYears">Exclude an inspector who audited the enterprise on or after the same day this many years before the draw; null: no such exclusion.</param>
    /// <param name="declaredRelations">Exclude an inspector who declared a relation to the target's enterprise or body.</param>
    public DrawExclusions(bool ownOrganisation = true, int? recentAuditYears = DefaultRecentAuditYears, bool declaredRelations = true)
    {
        if (recentAuditYears < 1)
        {
            throw DomainException.Invalid("draw-recent-audit-years-invalid",
                $"The recent-audit exclusion must cover at least 1 year, not {recentAuditYears}; leave it out to switch it off.", "exclusions.recentAuditYears");
        }

        OwnOrganisation = ownOrganisation;
        RecentAuditYears = recentAuditYears;
        DeclaredRelations = declaredRelations;
    }

    public bool OwnOrganisation { get; }

    public int? RecentAuditYears { get; }

    public bool DeclaredRelations { get; }
}
