using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Certa.Domain.Common;

namespace Certa.Domain.Audit;

/// <summary>
/// One entry of the append-only audit trail: who did what to which entity, with a digest of the
/// entity's new state. Each event holds the hash of the previous one and the SHA-256 of its own
/// canonical form (RFC 8785), so that changing, removing or inserting any event breaks the chain
/// from that point on.
/// </summary>
public sealed class AuditEvent
{
    /// <summary>The previous-hash of the first event: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    private AuditEvent()
    {
        Actor = Action = EntityType = EntityId = StateDigest = CorrelationId = Details = PreviousHash = Hash = string.Empty;
    }

    /// <summary>1, 2, 3… with no gaps; the order of the chain.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>Who acted: <c>person:{id}</c>, <c>client:{id}</c>, <c>cli:{os user}</c> or <c>system</c>.</summary>
    public string Actor { get; private set; }

    public string? Organisation { get; private set; }

    /// <summary>What happened, as <c>area.verb</c>: <c>registry.imported</c>.</summary>
    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    /// <summary>SHA-256 (hex) of the entity's new state in canonical JSON.</summary>
    public string StateDigest { get; private set; }

    /// <summary>Ties together the events of one request or command.</summary>
    public string CorrelationId { get; private set; }

    /// <summary>Canonical JSON with what a reader needs to understand the event (no secrets).</summary>
    public string Details { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    /// <summary>The event that follows <paramref name="previous"/> (null for the first one).</summary>
    public static AuditEvent Next(AuditEvent? previous, AuditEntry entry, DateTimeOffset at)
    {
        var e = new AuditEvent
        {
            Sequence = (previous?.Sequence ?? 0) + 1,
            // Whole microseconds in UTC: what PostgreSQL stores, so the hash survives the round trip.
            OccurredAt = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero),
            Actor = Guard.Required(entry.Actor, nameof(entry.Actor)),
            Organisation = entry.Organisation,
            Action = Guard.Required(entry.Action, nameof(entry.Action)),
            EntityType = Guard.Required(entry.EntityType, nameof(entry.EntityType)),
            EntityId = Guard.Required(entry.EntityId, nameof(entry.EntityId)),
            StateDigest = Digest(entry.NewState),
            CorrelationId = Guard.Required(entry.CorrelationId, nameof(entry.CorrelationId)),
            Details = CanonicalJson.Serialize(entry.Details),
            PreviousHash = previous?.Hash ?? Genesis,
        };
        e.Hash = e.ComputeHash();
        return e;
    }

    /// <summary>
    /// SHA-256 of this event's fields (all but the hash itself) in canonical JSON (RFC 8785). Written
    /// member by member in sorted order rather than through a general serializer, because
    /// <c>certa audit verify</c> recomputes it for every event; <see cref="Details"/> is stored
    /// canonical already and goes in as it is, so its stored bytes are what the hash covers.
    /// </summary>
    public string ComputeHash()
    {
        var json = new StringBuilder(512 + Details.Length);
        json.Append("{\"action\":");
        CanonicalJson.WriteString(Action, json);
        json.Append(",\"actor\":");
        CanonicalJson.WriteString(Actor, json);
        json.Append(",\"correlationId\":");
        CanonicalJson.WriteString(CorrelationId, json);
        json.Append(",\"details\":").Append(Details);
        json.Append(",\"entityId\":");
        CanonicalJson.WriteString(EntityId, json);
        json.Append(",\"entityType\":");
        CanonicalJson.WriteString(EntityType, json);
        json.Append(",\"occurredAt\":");
        CanonicalJson.WriteString(OccurredAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture), json);
        json.Append(",\"organisation\":");
        if (Organisation is null)
        {
            json.Append("null");
        }
        else
        {
            CanonicalJson.WriteString(Organisation, json);
        }

        json.Append(",\"previousHash\":");
        CanonicalJson.WriteString(PreviousHash, json);
        json.Append(",\"sequence\":").Append(CanonicalJson.Number(Sequence));
        json.Append(",\"stateDigest\":");
        CanonicalJson.WriteString(StateDigest, json);
        json.Append('}');
        return Sha256(json.ToString());
    }

    /// <summary>SHA-256 (hex) of any value's canonical JSON.</summary>
    public static string Digest<T>(T state) => Sha256(CanonicalJson.Serialize(state));

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>What a command reports to the audit trail; the trail adds sequence, time and hashes.</summary>
public sealed record AuditEntry(
    string Actor,
    string? Organisation,
    string Action,
    string EntityType,
    string EntityId,
    object NewState,
    string CorrelationId,
    object Details);
