using Certa.Domain.Common;

namespace Certa.Domain.Supervision.Draws;

/// <summary>
/// A relation an inspector declared to an enterprise or body (a former employer, family, shares): while it stands,
/// a draw keeps the inspector away from that enterprise's or body's targets. Ended, never deleted, so a past draw's
/// exclusions can still be explained.
/// </summary>
public sealed class DeclaredRelation : Aggregate
{
    private DeclaredRelation()
    {
        OrganisationId = RelatedTo = Nature = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The inspector who declared it.</summary>
    public Guid PersonId { get; private set; }

    /// <summary>The inspector's organisation, whose admins see the declaration.</summary>
    public string OrganisationId { get; private set; }

    /// <summary>The enterprise or body the inspector is related to, by organisation id.</summary>
    public string RelatedTo { get; private set; }

    public string Nature { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public bool Stands => EndedAt is null;

    public override string EntityType => "declared_relation";

    public override string EntityKey => Id.ToString();

    public override string? OwningOrganisation => OrganisationId;

    public static DeclaredRelation Declare(Guid id, Guid personId, string organisationId, string relatedTo, string nature, DateTimeOffset at)
    {
        var related = string.IsNullOrWhiteSpace(relatedTo) || relatedTo.Trim().Length > 63
            ? throw DomainException.Invalid("related-to-required", "Name the enterprise or body (its organisation id) the relation is to.", "relatedTo")
            : relatedTo.Trim();
        if (related == organisationId)
        {
            throw DomainException.Invalid("relation-to-own-organisation", "An inspector's own organisation is excluded anyway; declare relations to others.", "relatedTo");
        }

        var what = string.IsNullOrWhiteSpace(nature)
            ? throw DomainException.Invalid("nature-required", "Say what the relation is (former employer, family, shares).", "nature")
            : nature.Trim();
        if (what.Length > 500)
        {
            throw DomainException.Invalid("nature-too-long", $"At most 500 characters, not {what.Length}.", "nature");
        }

        var relation = new DeclaredRelation { Id = id, PersonId = personId, OrganisationId = organisationId, RelatedTo = related, Nature = what, DeclaredAt = at };
        relation.Record("relation.declared", new { person = personId, relatedTo = related, nature = what });
        return relation;
    }

    public void End(DateTimeOffset at)
    {
        if (EndedAt is not null)
        {
            throw DomainException.Conflict("relation-ended", $"The relation to {RelatedTo} was ended on {EndedAt:yyyy-MM-dd}.");
        }

        EndedAt = at;
        Record("relation.ended", new { person = PersonId, relatedTo = RelatedTo });
    }

    public override object AuditState() => new { Id, PersonId, OrganisationId, RelatedTo, Nature, DeclaredAt, EndedAt };
}
