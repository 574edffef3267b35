namespace Certa.Domain.Supervision.Draws;

/// <summary>A member of the inspector pool, with the organisation employing them and the organisations they declared a relation to.</summary>
public sealed class DrawInspector
{
    public DrawInspector(string id, string organisationId, IEnumerable<string>? relations = null)
    {
        Id = DrawGuard.Required(id, "inspector id");
        OrganisationId = DrawGuard.Required(organisationId, $"organisation of inspector {id}");
        Relations = DrawGuard.SortedSet(relations, $"declared relation of inspector {id}");
    }

    public string Id { get; }

    public string OrganisationId { get; }

    /// <summary>Enterprise (or body) ids the inspector declared a relation to: family, former employer, shares.</summary>
    public IReadOnlyList<string> Relations { get; }
}
