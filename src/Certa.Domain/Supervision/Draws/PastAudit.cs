namespace Certa.Domain.Supervision.Draws;

/// <summary>A fact given to the draw: this inspector audited this enterprise on this day.</summary>
public sealed record PastAudit
{
    public PastAudit(string inspectorId, string enterpriseId, DateOnly date)
    {
        InspectorId = DrawGuard.Required(inspectorId, "past audit inspector id");
        EnterpriseId = DrawGuard.Required(enterpriseId, $"enterprise id of a past audit by {inspectorId}");
        Date = date;
    }

    public string InspectorId { get; }

    public string EnterpriseId { get; }

    public DateOnly Date { get; }
}
