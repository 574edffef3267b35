namespace Certa.Domain.Common;

/// <summary>
/// An entity whose state changes only through its own methods. Each change records an event; the
/// unit of work turns the pending events into audit entries in the same transaction as the change
/// and refuses to save an aggregate that changed without one.
/// </summary>
public abstract class Aggregate
{
    private readonly List<DomainEvent> pending = [];

    /// <summary>The kind of entity, as the audit trail names it: <c>organisation</c>, <c>person</c>.</summary>
    public abstract string EntityType { get; }

    /// <summary>The entity's id as text.</summary>
    public abstract string EntityKey { get; }

    /// <summary>
    /// The organisation the entity belongs to, if any. Its audit events are filed under it, whoever
    /// acted: a platform admin changing a body's person writes an event the body's admins see.
    /// </summary>
    public virtual string? OwningOrganisation => null;

    /// <summary>The events recorded since the aggregate was loaded or last saved.</summary>
    public IReadOnlyList<DomainEvent> PendingEvents() => pending;

    public void ClearEvents() => pending.Clear();

    /// <summary>What the audit trail digests as the entity's new state: its fields, no secrets.</summary>
    public abstract object AuditState();

    protected void Record(string action, object? details = null) =>
        pending.Add(new DomainEvent(action, details ?? new { }));
}

/// <summary>Something that happened to an aggregate: <c>person.roles_changed</c> and what a reader needs to know.</summary>
public sealed record DomainEvent(string Action, object Details);
