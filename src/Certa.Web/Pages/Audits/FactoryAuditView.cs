using Certa.Domain.Audits;

namespace Certa.Web.Pages.Audits;

/// <summary>
/// A factory audit as <c>_FactoryAuditFacts.cshtml</c> shows it, on the application page and on
/// <c>/audits/{id}</c> alike: state, team, dates, the checklist with its results and the findings.
/// </summary>
public sealed record FactoryAuditView(FactoryAudit Audit, DateOnly Today)
{
    public string State => FactoryAudit.Name(Audit.State);

    public DateOnly LastDay => Audit.StartsOn.AddDays(Audit.Days - 1);

    public int OpenFindings => Audit.Findings.Count(f => f.State != FindingState.Closed);

    public ChecklistResult? ResultOf(string itemId) => Audit.Results.FirstOrDefault(r => r.ItemId == itemId);

    public ChecklistItem? ItemOf(string itemId) => Audit.Checklist.FirstOrDefault(c => c.Id == itemId);

    public string EvidenceUrl(Finding finding) => $"/api/v1/factory-audits/{Audit.Id}/findings/{finding.No}/evidence";

    public static string Grade(Finding finding) => Certa.Domain.Common.SnakeCaseNames.Of(finding.Grade.ToString());

    public static string Name(FindingState state) => FactoryAudit.Name(state);
}
